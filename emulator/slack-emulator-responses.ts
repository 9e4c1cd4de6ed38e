/** response_url endpoints for the Slack emulator: 5 uses within 30 minutes, bodies checked like messages. */
import { randomBytes } from "node:crypto";
import { validateMessage } from "./block-kit-limits.js";
import {
  type EmulatorState,
  fail,
  type ResponseEffect,
  type ResponseSource,
  type SlackAnswer,
  type SlackArgs,
} from "./slack-emulator-state.js";

export const RESPONSE_PATH = "/response/";
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

export function createResponseUrl(state: EmulatorState, source: ResponseSource = "interaction"): string {
  const id = `${state.newId("R")}${randomBytes(6).toString("hex")}`;
  state.responseUrls.set(id, { issuedAt: state.now(), uses: 0, source });
  return `${state.baseUrl}${RESPONSE_PATH}${id}`;
}

/**
 * What a POST to a response URL does to the conversation.
 *
 * An interaction's response URL (a button in a message) can replace or delete the message that held the
 * button: Slack's "Modifying messages" guide, "Updating messages using response_url": "When a user
 * interacts with an interactive element in a message, a payload containing a response_url will be sent
 * ... It can also be used to update the original message" with `replace_original: true`, or delete it with
 * `delete_original: true` (https://docs.slack.dev/messaging/modifying-messages).
 *
 * A slash command's response URL has no such original: `replace_original` (and `delete_original`) are
 * ignored and the body is posted as one more message. That is what people find in practice, and what
 * Slack's SDK maintainers answer: slackapi/bolt-js#2287 ("Using a command's response `replace_original`
 * does nothing": the "Thinking..." reply stays and "Done" comes as a second message) and
 * slackapi/bolt-python#1268 ("it's not possible to reuse the same `response_url` to update the message
 * using `respond`"). So here a command's response is always a new message, whatever its flags say.
 */
function effectOf(source: ResponseSource, body: SlackArgs): ResponseEffect {
  if (source === "command") return "new-message";
  if (body.delete_original === true) return "deleted-original";
  // The guide replaces the original only when asked (`replace_original: true`); otherwise the response is
  // published as a new message, so that is what the emulator does without the flag.
  return body.replace_original === true ? "replaced-original" : "new-message";
}

/** Handles a POST to a response URL: the HTTP status and JSON answer to send back. */
export function receiveResponse(
  state: EmulatorState,
  id: string,
  body: SlackArgs,
): { status: number; answer: SlackAnswer } {
  const issued = state.responseUrls.get(id);
  if (!issued) return { status: 404, answer: fail("invalid_url") };
  if (state.now() - issued.issuedAt > RESPONSE_URL_LIFETIME_MS)
    return { status: 404, answer: fail("expired_url") };
  if (issued.uses >= RESPONSE_URL_USES) return { status: 404, answer: fail("used_url") };
  issued.uses += 1;
  const effect = effectOf(issued.source, body);
  // A deletion carries no message; anything else is a message, checked like one (a command's
  // `delete_original` is ignored, so its empty body is refused like any message without text).
  if (effect !== "deleted-original") {
    const errors = validateMessage({ text: body.text, blocks: body.blocks });
    if (errors.length > 0) {
      return { status: 400, answer: state.reject("response_url", body, errors, "invalid_blocks") };
    }
  }
  state.responses.push({
    url: `${state.baseUrl}${RESPONSE_PATH}${id}`,
    body,
    at: state.now(),
    source: issued.source,
    effect,
  });
  return { status: 200, answer: { ok: true } };
}
