import type { App, BlockAction } from "@slack/bolt";
import { ACTION, CALLBACK } from "./ids.js";
import { INTERVIEW_ACTION, INTERVIEW_CALLBACK_ID, OPEN_SECTION_ACTION } from "./views/interview-view.js";

const KNOWN_ACTIONS: ReadonlySet<string> = new Set([
  ...Object.values(ACTION),
  ...Object.values(INTERVIEW_ACTION),
]);
const KNOWN_VIEWS: ReadonlySet<string> = new Set([
  CALLBACK.newProject,
  CALLBACK.checklist,
  CALLBACK.logBlocker,
  INTERVIEW_CALLBACK_ID,
]);

/** Whether some listener handles this action id; the others are answered here. */
export function isKnownAction(actionId: string): boolean {
  return KNOWN_ACTIONS.has(actionId) || OPEN_SECTION_ACTION.test(actionId);
}

export const isKnownView = (callbackId: string): boolean => KNOWN_VIEWS.has(callbackId);

/** What someone is told when they use a button or shortcut no listener knows. */
export const unknownInteraction = (what: "button" | "shortcut"): string =>
  `That ${what} is from an older version of intplan and does nothing now. \`/intplan help\` lists what you can do.`;

/**
 * Buttons and modals no listener knows (an old message, a removed feature, a forged request) are still
 * acknowledged at once, so Slack never shows a timeout, and the person is told when Slack gives a way to.
 * Register last: a known id is left to its own listener, which acknowledges it.
 */
export function registerUnknownInteractions(app: App): void {
  app.action<BlockAction>(/.*/, async ({ ack, action, body, respond }) => {
    const actionId = (action as { action_id?: string }).action_id ?? "";
    if (isKnownAction(actionId)) return;
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
    if (isKnownView(view.callback_id)) return;
    await ack();
  });
  // Only interview sections ask to hear about closing (notify_on_close).
  app.view({ callback_id: /.*/, type: "view_closed" }, async ({ ack, view }) => {
    if (view.callback_id === INTERVIEW_CALLBACK_ID) return;
    await ack();
  });
  app.shortcut(/.*/, async ({ ack, shortcut, respond }) => {
    if (shortcut.callback_id === CALLBACK.logBlockerShortcut) return;
    await ack();
    if ("response_url" in shortcut && shortcut.response_url) {
      await respond({ response_type: "ephemeral", text: unknownInteraction("shortcut") });
    }
  });
}
