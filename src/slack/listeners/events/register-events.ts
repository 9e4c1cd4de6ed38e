import type { AppDeps } from "../../../deps.js";
import { registerHome } from "../../events/home.js";
import type { Listeners } from "../registry.js";

/** The Events API events intplan subscribes to (manifest.yml lists the same), with the Home tab's paging. */
export function registerEvents(listeners: Listeners, deps: AppDeps): void {
  registerHome(listeners, deps);
}
