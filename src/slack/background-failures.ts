import type { JobFailure } from "../outbox/worker.js";
import { rateLimitDelayMs } from "./clients.js";
import { slackErrorCode } from "./slack-error-code.js";

/**
 * Slack answers that will not fix themselves by retrying (https://docs.slack.dev/reference/methods/canvases.edit,
 * chat.update, chat.postMessage): the workspace's plan or settings, the app's token or scopes, a request Slack
 * will never take (`invalid_arguments`: a canvas over 1 MiB), a channel the bot cannot reach.
 */
const PERMANENT_SLACK_ERRORS = new Set([
  "free_teams_cannot_edit_standalone_canvases",
  "restricted_action",
  "canvas_disabled_user_team",
  "team_tier_cannot_create_channel_canvases",
  "not_allowed_token_type",
  "missing_scope",
  "no_permission",
  "invalid_arguments",
  "invalid_blocks",
  "msg_too_long",
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "team_access_not_granted",
  "ekm_access_denied",
]);

/** Slack's error code, else "network" for a request that never got an answer, else the error's message. */
const causeOf = (error: unknown) =>
  slackErrorCode(error) ??
  ((error as { code?: unknown } | undefined)?.code === "slack_webapi_request_error"
    ? "network"
    : undefined) ??
  (error instanceof Error ? error.message : String(error));

/**
 * What a failed background Slack call means to the outbox worker: a rate limit (Slack's 429 or our own
 * budget's deferral) waits for Retry-After, a permanent refusal is given up on at once, anything else is retried.
 */
export function classifySlackFailure(error: unknown): JobFailure {
  const retryAfterMs = rateLimitDelayMs(error);
  if (retryAfterMs !== undefined) return { kind: "deferred", retryAfterMs };
  const cause = causeOf(error);
  return PERMANENT_SLACK_ERRORS.has(slackErrorCode(error) ?? "")
    ? { kind: "permanent", cause }
    : { kind: "retry", cause };
}
