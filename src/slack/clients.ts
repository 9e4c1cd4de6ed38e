import { ErrorCode, WebClient, type WebClientOptions } from "@slack/web-api";
import type { AppLogger } from "../logger.js";
import { slackErrorCode } from "./slack-error-code.js";
import { slackLoggerOf } from "./slack-logger.js";

/**
 * The Web API clients. Listeners use Bolt's own client (interactive calls: views.open/push/update, replies on
 * the ack path); background work (the outbox) uses its OWN client, built here, so that nothing background
 * work does can hold up a modal: @slack/web-api pauses a client's whole request queue for `Retry-After` on a
 * 429, so a shared client would make another channel's `views.open` wait past its 3-second trigger.
 *
 * The background client never pauses: it is built with `rejectRateLimitedCalls`, so a 429 throws at once with
 * Slack's `retryAfter`, and the outbox reschedules that job. It also keeps, in memory, Slack's per-workspace
 * budgets (https://docs.slack.dev/apis/web-api/rate-limits): a call that would go past its method's budget, or
 * that comes while Slack has told us to wait for that method, is not sent; it throws a `SlackDeferredError`,
 * and the job is put off, not failed.
 */

/** A sliding-window budget: at most `limit` calls in any `windowMs`. */
export interface Budget {
  limit: number;
  windowMs: number;
  /** Counted per channel (chat.postMessage), not per workspace. */
  perChannel?: boolean;
}

const perMinute = (limit: number): Budget => ({ limit, windowMs: 60_000 });

/**
 * What background work may spend, per workspace. Slack's tiers (Tier 2: 20+/min; Tier 3: 50+/min;
 * chat.postMessage about 1/s per channel) are shared with the app's interactive calls, so background work
 * keeps a little below them, leaving room for what people do. (Tier 4: 100+/min.)
 */
export const BACKGROUND_BUDGETS: Readonly<Record<string, Budget>> = {
  // Tier 2
  "canvases.create": perMinute(16),
  "pins.add": perMinute(16),
  // Tier 3
  "chat.update": perMinute(40),
  "canvases.edit": perMinute(40),
  "canvases.access.set": perMinute(40),
  "canvases.sections.lookup": perMinute(40),
  "conversations.info": perMinute(40),
  // Tier 4 (100+/min): people's names for the documents, cached for an hour
  "users.info": perMinute(80),
  "files.info": perMinute(80),
  // "about one message per second per channel"
  "chat.postMessage": { limit: 1, windowMs: 1000, perChannel: true },
};

/** A background call that was not sent, because the method is over budget or Slack asked us to wait. */
export class SlackDeferredError extends Error {
  readonly code = "intplan_slack_deferred";
  constructor(
    readonly method: string,
    /** How long to wait before trying again. */
    readonly retryAfterMs: number,
    reason: string,
  ) {
    super(`${method} deferred for ${retryAfterMs} ms (${reason})`);
    this.name = "SlackDeferredError";
  }
}

/** When Slack rate-limits without a usable Retry-After (an `ok:false` "ratelimited" answer), wait this long. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 30_000;

/**
 * How long to wait before calling again, when `error` is a rate limit: Slack's 429 (thrown at once by a client
 * with `rejectRateLimitedCalls`, `retryAfter` in seconds), an `ok:false` "ratelimited" answer, or our own
 * budget's deferral. Undefined for every other error.
 */
export function rateLimitDelayMs(error: unknown): number | undefined {
  if (error instanceof SlackDeferredError) return error.retryAfterMs;
  const e = error as { code?: unknown; retryAfter?: unknown } | undefined;
  if (e?.code === ErrorCode.RateLimitedError) {
    return typeof e.retryAfter === "number" && e.retryAfter >= 0
      ? e.retryAfter * 1000
      : DEFAULT_RATE_LIMIT_WAIT_MS;
  }
  const code = slackErrorCode(error);
  if (code === "ratelimited" || code === "rate_limited") return DEFAULT_RATE_LIMIT_WAIT_MS;
  return undefined;
}

/**
 * Per-method pacing for one workspace's background calls: the budgets above, and the "not before" time Slack
 * gave in its last 429 for each method (honoured by every job, app-wide). In memory: after a restart the
 * first call finds out again.
 */
export interface RateGate {
  /** Lets a call go now (and counts it), or throws a SlackDeferredError saying how long to wait. */
  admit(method: string, channel?: string): void;
  /** Slack said to wait `ms` before calling `method` again. */
  pause(method: string, ms: number): void;
  /** The time before which `method` will not be called, if Slack asked for a pause. */
  pausedUntil(method: string): Date | undefined;
}

export function createRateGate(
  clock: () => Date,
  budgets: Readonly<Record<string, Budget>> = BACKGROUND_BUDGETS,
): RateGate {
  const notBefore = new Map<string, number>();
  const sent = new Map<string, number[]>();
  return {
    admit(method, channel) {
      const now = clock().getTime();
      const wait = (notBefore.get(method) ?? 0) - now;
      if (wait > 0) throw new SlackDeferredError(method, wait, "Slack asked to wait");
      const budget = budgets[method];
      if (!budget) return;
      const key = budget.perChannel ? `${method}:${channel ?? ""}` : method;
      const recent = (sent.get(key) ?? []).filter((at) => at > now - budget.windowMs);
      if (recent.length >= budget.limit) {
        sent.set(key, recent);
        const oldest = recent[0] as number;
        throw new SlackDeferredError(method, oldest + budget.windowMs - now, "over budget");
      }
      recent.push(now);
      sent.set(key, recent);
    },
    pause(method, ms) {
      const until = clock().getTime() + ms;
      notBefore.set(method, Math.max(notBefore.get(method) ?? 0, until));
    },
    pausedUntil(method) {
      const until = notBefore.get(method);
      return until !== undefined && until > clock().getTime() ? new Date(until) : undefined;
    },
  };
}

/** A WebClient whose every call passes the rate gate first and tells it about Slack's 429s. */
class GatedWebClient extends WebClient {
  constructor(
    token: string,
    options: WebClientOptions,
    private readonly gate: RateGate,
  ) {
    super(token, options);
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}) {
    // files.uploadV2 is made of other methods, each of which comes back through here.
    if (method !== "files.uploadV2") {
      const channel = options.channel ?? options.channel_id;
      this.gate.admit(method, typeof channel === "string" ? channel : undefined);
    }
    try {
      return await super.apiCall(method, options);
    } catch (error) {
      const wait = error instanceof SlackDeferredError ? undefined : rateLimitDelayMs(error);
      if (wait !== undefined) this.gate.pause(method, wait);
      throw error;
    }
  }
}

export interface SlackClientOptions {
  token: string;
  slackApiUrl?: string;
  logger: AppLogger;
  /** A call that has not answered in this long is abandoned (and retried, twice). */
  timeoutMs: number;
  clock: () => Date;
  budgets?: Readonly<Record<string, Budget>>;
}

/** Network errors and 5xx are retried a few times, quickly; rate limits never wait inside the client. */
export const QUICK_RETRIES = { retries: 2, factor: 1.5, minTimeout: 100, maxTimeout: 1000 } as const;

/** The client background jobs use: same token and API URL as Bolt's, its own queue, never paused. */
export function createBackgroundClient(options: SlackClientOptions): { client: WebClient; gate: RateGate } {
  const gate = createRateGate(options.clock, options.budgets);
  const client = new GatedWebClient(
    options.token,
    {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      logger: slackLoggerOf(options.logger),
      rejectRateLimitedCalls: true,
      retryConfig: { ...QUICK_RETRIES },
      timeout: options.timeoutMs,
    },
    gate,
  );
  return { client, gate };
}
