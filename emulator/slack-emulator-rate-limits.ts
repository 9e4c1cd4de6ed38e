/**
 * Slack's rate limits for the emulator: each Web API method has a budget per workspace and app (one bot
 * token is one app installed in one workspace); past it Slack answers HTTP 429 with `Retry-After` (seconds)
 * and `{ok: false, error: "ratelimited"}`.
 *
 * From https://docs.slack.dev/apis/web-api/rate-limits: limits apply "per API method per app per workspace";
 * "Tier 2 20+ per minute: most methods allow at least 20 requests per minute, while allowing for occasional
 * bursts of more requests"; "Tier 3 50+ per minute … sporadic bursts are welcome"; "Tier 4 100+ per minute …
 * generous burst behavior"; "Special Tier: chat.postMessage generally allows posting one message per second
 * per channel, while also maintaining a workspace-wide limit"; "Posting messages: 1 per second, short bursts
 * >1 allowed". A 429 "will include a Retry-After HTTP header containing the number of seconds until you can
 * retry".
 *
 * Tiers of the methods intplan calls, from each method's reference page (docs.slack.dev/reference/methods/…,
 * "Rate limits"; the same labels are in the method catalogue JSON SDKs ship, e.g. slack_kit's
 * `priv/docs/methods/canvases.edit.json`: "Tier 3: 50+ per minute"):
 * - Tier 2: canvases.create, conversations.canvases.create, pins.add
 * - Tier 3: chat.update, canvases.edit, canvases.access.set, canvases.sections.lookup, conversations.info,
 *   users.conversations ("Rate limiting: Tier 3" on api.slack.com/methods/users.conversations),
 *   conversations.open ("Rate limiting: Tier 3" on api.slack.com/methods/conversations.open)
 * - Tier 4: chat.postEphemeral, views.open, views.push, views.update, views.publish,
 *   files.getUploadURLExternal, files.completeUploadExternal, files.info, users.info
 * - Special: chat.postMessage (about 1 per second per channel, short bursts allowed, plus a workspace-wide
 *   limit the docs give no number for), auth.test (treated as Tier 4 here).
 *
 * The model is a sliding window per key: at most `limit` calls in any `windowMs`. A burst up to the whole
 * budget is accepted at once (the "bursts" the docs allow); the call past it is refused until the oldest call
 * in the window leaves it, and `Retry-After` says when that is (rounded up to whole seconds, at least 1).
 * Refused calls do not use up budget. The clock is the emulator's injectable `now`.
 */

/** At most `limit` calls in any `windowMs` milliseconds. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** The budgets of one method: per workspace and app, and (chat.postMessage) per channel as well. */
export interface MethodLimits {
  tier: string;
  perWorkspace: RateWindow;
  perChannel?: RateWindow;
}

const MINUTE = 60_000;
const perMinute = (limit: number): RateWindow => ({ limit, windowMs: MINUTE });
const TIER_2: MethodLimits = { tier: "Tier 2", perWorkspace: perMinute(20) };
const TIER_3: MethodLimits = { tier: "Tier 3", perWorkspace: perMinute(50) };
const TIER_4: MethodLimits = { tier: "Tier 4", perWorkspace: perMinute(100) };

/** One message per second per channel on average, with a burst of 3 tolerated. */
export const POST_MESSAGE_PER_CHANNEL: RateWindow = { limit: 3, windowMs: 3000 };
/** The docs name a workspace-wide limit for chat.postMessage without a number; several hundred a minute. */
export const POST_MESSAGE_PER_WORKSPACE: RateWindow = perMinute(300);

export const SLACK_RATE_LIMITS: Readonly<Record<string, MethodLimits>> = {
  "canvases.create": TIER_2,
  "conversations.canvases.create": TIER_2,
  "pins.add": TIER_2,
  "chat.update": TIER_3,
  "canvases.edit": TIER_3,
  "canvases.access.set": TIER_3,
  "canvases.sections.lookup": TIER_3,
  "canvases.delete": TIER_3,
  "conversations.info": TIER_3,
  "users.conversations": TIER_3,
  "conversations.open": TIER_3,
  "chat.getPermalink": TIER_4,
  "chat.postEphemeral": TIER_4,
  "views.open": TIER_4,
  "views.push": TIER_4,
  "views.update": TIER_4,
  "views.publish": TIER_4,
  "files.getUploadURLExternal": TIER_4,
  "files.completeUploadExternal": TIER_4,
  "files.info": TIER_4,
  "users.info": TIER_4,
  "auth.test": TIER_4,
  "chat.postMessage": {
    tier: "Special",
    perWorkspace: POST_MESSAGE_PER_WORKSPACE,
    perChannel: POST_MESSAGE_PER_CHANNEL,
  },
};

/** `"slack"`: Slack's tiers above; `"off"`: no limits (the default); or a table of one's own. */
export type RateLimitMode = "slack" | "off" | Readonly<Record<string, MethodLimits>>;

/** Why a call was refused: the budget it ran out of, and how long until it may be retried. */
export interface RateLimitVerdict {
  /** e.g. `workspace` or `channel C0PROJECT`. */
  scope: string;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /**
   * Counts a call to `method` at `now` against its budgets and returns undefined, or refuses it (counting
   * nothing) with the verdict.
   */
  take(
    call: { method: string; workspace: string; channel?: string },
    now: number,
  ): RateLimitVerdict | undefined;
  setMode(mode: RateLimitMode): void;
  /** Forgets every call counted so far. */
  clear(): void;
}

export function createRateLimiter(mode: RateLimitMode = "off"): RateLimiter {
  let table: Readonly<Record<string, MethodLimits>> | undefined;
  /** Times of the calls accepted in the current window, oldest first, per key. */
  const windows = new Map<string, number[]>();
  const setMode = (next: RateLimitMode) => {
    table = next === "off" ? undefined : next === "slack" ? SLACK_RATE_LIMITS : next;
  };
  setMode(mode);

  /** The wait until `key` has room again, in ms (0: room now); drops calls that left the window. */
  function waitFor(key: string, window: RateWindow, now: number): number {
    const times = windows.get(key) ?? [];
    while (times.length > 0 && (times[0] as number) <= now - window.windowMs) times.shift();
    windows.set(key, times);
    if (times.length < window.limit) return 0;
    return (times[times.length - window.limit] as number) + window.windowMs - now;
  }

  return {
    take({ method, workspace, channel }, now) {
      const limits = table?.[method];
      if (!limits) return undefined;
      const checks: { key: string; window: RateWindow; scope: string }[] = [
        { key: `${workspace}\u0000${method}`, window: limits.perWorkspace, scope: "workspace" },
      ];
      if (limits.perChannel && channel) {
        checks.push({
          key: `${workspace}\u0000${method}\u0000${channel}`,
          window: limits.perChannel,
          scope: `channel ${channel}`,
        });
      }
      for (const check of checks) {
        const waitMs = waitFor(check.key, check.window, now);
        if (waitMs > 0) {
          return { scope: check.scope, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
        }
      }
      for (const check of checks) windows.get(check.key)?.push(now);
      return undefined;
    },
    setMode,
    clear: () => windows.clear(),
  };
}
