import type { SlackRequestResult } from "../../emulator/signed-client.js";
import type { TestApp } from "./harness.js";

/**
 * Everything the person who ran a slash command was told privately, in order: the ack's reply (if it had
 * one), then each ephemeral message its response URL posted. The emulator posts every response to a
 * command's URL as a new message, `replace_original` or not, as Slack does; so this is what they saw, with
 * the three escapes Slack's mrkdwn decodes for display (`&lt;`, `&gt;`, `&amp;`) shown as Slack shows them.
 */
export function privateReplies(t: TestApp, res: SlackRequestResult): string[] {
  const body = res.body as { text?: unknown } | string;
  const acked = typeof body === "object" && body !== null && body.text ? [String(body.text)] : [];
  const later = t.emulator.responses
    .filter((r) => r.url === res.responseUrl && r.effect === "new-message")
    .filter((r) => r.body.response_type !== "in_channel")
    .map((r) => String(r.body.text ?? ""));
  return [...acked, ...later].map(asShown);
}

/** Text as Slack shows it: its three escapes decoded (https://api.slack.com/reference/surfaces/formatting#escaping). */
const asShown = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
