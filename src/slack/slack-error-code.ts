import { ErrorCode, WebAPIPlatformError } from "@slack/web-api";

/**
 * Slack's error code ("not_in_channel", "canvas_not_found", ...) from a failed Web API call: the `error` of
 * the `ok: false` answer, which @slack/web-api throws as a WebAPIPlatformError. Undefined for every other
 * failure (network, HTTP status, rate limit), which has no code from Slack. The one reader of it.
 */
export function slackErrorCode(error: unknown): string | undefined {
  if (error instanceof WebAPIPlatformError) return error.data.error;
  // The same error by its documented code, should it come from another copy of the package.
  const coded = error as { code?: unknown; data?: { error?: unknown } } | null | undefined;
  return coded?.code === ErrorCode.PlatformError && typeof coded.data?.error === "string"
    ? coded.data.error
    : undefined;
}
