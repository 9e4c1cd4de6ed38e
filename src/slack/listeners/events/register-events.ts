import type { ListenerDeps } from "../listener-deps.js";
import type { Listeners } from "../registry.js";
import { registerHome } from "./app-home.js";

/** The Events API events intplan subscribes to (manifest.yml lists the same), with the Home tab's paging. */
export function registerEvents(listeners: Listeners, deps: ListenerDeps): void {
  registerHome(listeners, deps);
}
