/** A real WebClient pointed at the emulator, quiet and without retry delays, for the emulator's own tests. */
import { type Logger, LogLevel, WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackEmulator } from "./slack-emulator.js";

export const BOT_TOKEN = "xoxb-emulator-test";

const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export function webClientFor(
  emulator: SlackEmulator,
  options: WebClientOptions = {},
  token = BOT_TOKEN,
): WebClient {
  return new WebClient(token, {
    slackApiUrl: emulator.apiUrl,
    retryConfig: { retries: 0 },
    logger: silentLogger,
    ...options,
  });
}

/** The `data.error` of a rejected Web API call (WebAPIPlatformError), or the thrown value. */
export async function slackErrorOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error ?? error;
  }
  throw new Error("expected the call to fail");
}
