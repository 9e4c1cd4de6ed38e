import type { App, BlockAction } from "@slack/bolt";
import { type KnownIds, matchesAny } from "./listeners/registry.js";

/** Whether some listener handles this action id; the others are answered here. */
export const isKnownAction = (known: KnownIds, actionId: string): boolean =>
  matchesAny(known.actions, actionId);

export const isKnownView = (known: KnownIds, callbackId: string): boolean =>
  matchesAny(known.views, callbackId);

export const isKnownClosedView = (known: KnownIds, callbackId: string): boolean =>
  matchesAny(known.closedViews, callbackId);

export const isKnownShortcut = (known: KnownIds, callbackId: string): boolean =>
  matchesAny(known.shortcuts, callbackId);

/** What someone is told when they use a button or shortcut no listener knows. */
export const unknownInteraction = (what: "button" | "shortcut"): string =>
  `That ${what} is from an older version of intplan and does nothing now. \`/intplan help\` lists what you can do.`;

/**
 * Buttons and modals no listener knows (an old message, a removed feature, a forged request) are still
 * acknowledged at once, so Slack never shows a timeout, and the person is told when Slack gives a way to.
 * Register last, on the app itself (not through the registry): `known` says which ids the registry's
 * listeners took, and a known id is left to its own listener, which acknowledges it.
 */
export function registerUnknownInteractions(
  app: Pick<App, "action" | "view" | "shortcut">,
  known: KnownIds,
): void {
  app.action<BlockAction>(/.*/, async ({ ack, action, body, respond }) => {
    const actionId = "action_id" in action ? action.action_id : "";
    if (isKnownAction(known, actionId)) return;
    await ack();
    if (body.response_url) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: unknownInteraction("button"),
      });
    }
  });
  app.view(/.*/, async ({ ack, view }) => {
    if (isKnownView(known, view.callback_id)) return;
    await ack();
  });
  app.view({ callback_id: /.*/, type: "view_closed" }, async ({ ack, view }) => {
    if (isKnownClosedView(known, view.callback_id)) return;
    await ack();
  });
  app.shortcut(/.*/, async ({ ack, shortcut, respond }) => {
    if (isKnownShortcut(known, shortcut.callback_id)) return;
    await ack();
    if ("response_url" in shortcut && shortcut.response_url) {
      await respond({ response_type: "ephemeral", text: unknownInteraction("shortcut") });
    }
  });
}
