import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions, type HTTPReceiver } from "@slack/bolt";
import type { Logger } from "../logger.js";

/**
 * A guard in front of Bolt's HTTP receiver for bodies Slack never sends. Bolt parses the body and reads
 * `body.ssl_check` outside any try, so a correctly signed `payload=null` (or a JSON events body that is
 * `null`) throws in a floating promise and ends the process; a string, number or array goes on into the
 * middleware as if it were an event, and an object without a `type` waits for Bolt's 3-second timer and
 * a 404. Every Slack request body is a JSON object with a `type` (a slash command is a form without a
 * payload, left alone), so anything else, once its signature is checked, is answered 400 here and never
 * reaches Bolt. Unsigned requests are left to Bolt, which answers them 401 as before.
 */

export interface RequestGuardOptions {
  signingSecret: string;
  logger: Logger;
  /** The receiver's endpoints; Bolt's default. */
  endpoints?: readonly string[];
  /** The receiver's body limit; Bolt's default. */
  bodyLimit?: number | string;
}

const FORM = "application/x-www-form-urlencoded";

/**
 * The JSON text Bolt would parse as the request's body, as Bolt picks it (`parseHTTPRequestBody`): a
 * form's `payload` field, a form without one (a slash command: an object), or the whole body.
 */
function jsonTextOf(req: IncomingMessage, rawBody: Buffer): string | null {
  const text = rawBody.toString();
  if (req.headers["content-type"] !== FORM) return text;
  const payload = new URLSearchParams(text).getAll("payload");
  return payload.length === 1 ? (payload[0] as string) : null;
}

/**
 * Why Slack could never have sent this body, or null when it could have (or when it is not JSON at all,
 * which Bolt answers 400 itself). Every interaction payload and every Events API body is an object with a
 * string `type`, and an `event_callback` carries its `event` object: anything else is not from Slack.
 */
export function absurdBodyReason(req: IncomingMessage, rawBody: Buffer): string | null {
  const json = jsonTextOf(req, rawBody);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "is not a JSON object";
  const body = value as { type?: unknown; event?: unknown };
  if (typeof body.type !== "string") return "has no type";
  if (body.type === "event_callback" && (typeof body.event !== "object" || body.event === null)) {
    return "is an event_callback without an event";
  }
  return null;
}

const pathOf = (url: string | undefined) => new URL(url ?? "/", "http://localhost").pathname;

/** Wraps the receiver's request listener with the guard; returns the receiver. */
export function guardAbsurdBodies<R extends HTTPReceiver>(receiver: R, options: RequestGuardOptions): R {
  const { signingSecret, logger, endpoints = ["/slack/events"], bodyLimit } = options;
  const boltListener = receiver.requestListener;
  const answer = (res: ServerResponse, status: number) => {
    if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, status);
  };
  receiver.requestListener = (req, res) => {
    if (req.method !== "POST" || !endpoints.includes(pathOf(req.url))) return boltListener(req, res);
    void (async () => {
      let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.bufferIncomingMessage>>;
      try {
        // Bolt takes the buffered body from the request when it is already there.
        buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, bodyLimit);
      } catch (error) {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
        logger.warn(`Could not read a request body: ${(error as Error).message}`);
        answer(res, tooLarge ? 413 : 400);
        return;
      }
      const reason = absurdBodyReason(req, buffered.rawBody);
      if (reason === null) return boltListener(req, res);
      try {
        await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: true, signingSecret, bodyLimit }, req);
      } catch {
        return boltListener(req, res); // not signed: Bolt answers 401
      }
      logger.warn(`A correctly signed request whose body ${reason} was answered 400.`);
      answer(res, 400);
    })().catch((error: unknown) => {
      logger.error(`The request guard failed: ${(error as Error).message}`);
      answer(res, 500);
    });
  };
  return receiver;
}
