import type { AppDeps } from "../../../deps.js";
import type { Listeners } from "../registry.js";
import { registerLogBlockerShortcut } from "./log-blocker-shortcut.js";

/** The shortcuts intplan has (manifest.yml declares the same). */
export function registerShortcuts(listeners: Listeners, deps: AppDeps): void {
  registerLogBlockerShortcut(listeners, deps);
}
