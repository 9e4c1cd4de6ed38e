/** response_url endpoints for the Slack emulator: 5 uses within 30 minutes, bodies checked like messages. */
import { randomBytes } from "node:crypto";
import { validateMessage } from "./block-kit-limits.js";
import { type EmulatorState, fail, type SlackAnswer, type SlackArgs } from "./slack-emulator-state.js";

export const RESPONSE_PATH = "/response/";
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

export function createResponseUrl(state: EmulatorState): string {
  const id = `${state.newId("R")}${randomBytes(6).toString("hex")}`;
  state.responseUrls.set(id, { issuedAt: state.now(), uses: 0 });
  return `${state.baseUrl}${RESPONSE_PATH}${id}`;
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
  if (body.delete_original !== true) {
    const errors = validateMessage({ text: body.text, blocks: body.blocks });
    if (errors.length > 0) {
      return { status: 400, answer: state.reject("response_url", body, errors, "invalid_blocks") };
    }
  }
  state.responses.push({ url: `${state.baseUrl}${RESPONSE_PATH}${id}`, body, at: state.now() });
  return { status: 200, answer: { ok: true } };
}
