import type { App } from "@slack/bolt";
import { registerUnknownInteractions } from "../unknown-interactions.js";
import { registerActions } from "./actions/register-actions.js";
import { registerCommands } from "./commands/register-commands.js";
import { registerEvents } from "./events/register-events.js";
import type { ListenerDeps } from "./listener-deps.js";
import { createListenerRegistry, type KnownIds } from "./registry.js";
import { registerShortcuts } from "./shortcuts/register-shortcuts.js";
import { registerViews } from "./views/register-views.js";

/**
 * The one place every listener is registered, surface by surface (src/slack/listeners/<surface>/). Each
 * registration records its ids; the catch-all for everything else goes last and asks those records.
 * Returns the ids, for tests and the manifest check.
 */
export function registerListeners(app: App, deps: ListenerDeps): KnownIds {
  const listeners = createListenerRegistry(app);
  registerCommands(listeners, deps);
  registerActions(listeners, deps);
  registerViews(listeners, deps);
  registerEvents(listeners, deps);
  registerShortcuts(listeners, deps);
  const known = listeners.known();
  registerUnknownInteractions(app, known);
  return known;
}
