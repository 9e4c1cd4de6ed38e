import { type Db, storageProblemOf } from "../db/client.js";
import {
  clearNotice,
  completeJob,
  deferJob,
  dropJob,
  dueJobs,
  lastNotice,
  type OutboxJob,
  type OutboxRow,
  recordNotice,
  rescheduleJob,
} from "../db/outbox.js";
import type { Logger } from "../logger.js";
import { rateLimitDelayMs } from "./clients.js";
import { slackErrorCode } from "./slack-error-code.js";

export type JobHandler = (row: OutboxRow) => Promise<void>;

/** Why a job stopped being tried, as the channel is told. */
export interface GiveUp {
  /** Slack's error code, or a short name for the failure ("network", "timeout"). */
  cause: string;
  /** True when retrying cannot help (a setting, a permission, a size limit): it was not retried. */
  permanent: boolean;
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: () => Date;
  logger: Logger;
  handlers: Partial<Record<OutboxJob, JobHandler>>;
  /**
   * Tells the channel that a job was given up on (a permanent error at once, a transient one after
   * `maxAttempts`). Called once per project, job and cause until the job next succeeds.
   */
  onGiveUp: (row: OutboxRow, reason: GiveUp, error: unknown) => Promise<void>;
  pollMs?: number;
  /** The first retry waits this long, each later one twice as long, up to five minutes. Default 1 s. */
  retryBaseMs?: number;
  maxAttempts?: number;
  /** At most this many jobs run at once (never two of one project). Default 4. */
  concurrency?: number;
  /** While the database fails, polls wait twice as long each time, up to this. Default 30 s. */
  maxStorageBackoffMs?: number;
  /** Told of every storage error the worker meets, so the app's health (`/healthz`) reflects it at once. */
  onStorageError?: (error: unknown) => void;
}

export interface OutboxWorker {
  start(): void;
  stop(): Promise<void>;
  /** Runs every job that is due now (`concurrency` at a time); resolves when they, and any already running, are done. */
  runDue(): Promise<number>;
  /** Resolves when no job is running and none is due at the clock's current time. */
  idle(): Promise<void>;
}

/**
 * Slack answers that will not fix themselves by retrying (https://docs.slack.dev/reference/methods/canvases.edit,
 * chat.update, chat.postMessage): the workspace's plan or settings, the app's token or scopes, a request Slack
 * will never take (`invalid_arguments`: a canvas over 1 MiB), a channel the bot cannot reach.
 */
export const PERMANENT_SLACK_ERRORS = new Set([
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

const backoffMs = (baseMs: number, attempts: number) => Math.min(5 * 60_000, baseMs * 2 ** attempts);

/**
 * better-sqlite3 failed because the database could not be read or written (disk full, I/O, read-only, busy or
 * locked, the file gone, or not open yet): wait it out, do not count it. Not SQL or constraint errors: those
 * are bugs, retried and given up on like any failure. The one classification is `storageProblemOf`.
 */
export function isStorageError(error: unknown): boolean {
  return storageProblemOf(error) !== undefined;
}

const describe = (error: unknown) =>
  slackErrorCode(error) ??
  ((error as { code?: unknown } | undefined)?.code === "slack_webapi_request_error"
    ? "network"
    : undefined) ??
  (error instanceof Error ? error.message : String(error));

/**
 * Drains the outbox in the background (and once at start, for work left by a restart). Slack calls happen
 * here, after the change they report was committed. Jobs of different projects run side by side (at most
 * `concurrency` at once), so one slow channel never holds up another; two jobs of one project never overlap.
 * A rate limit puts a job off until Slack's Retry-After without counting against it; a permanent Slack error
 * drops it at once; other failures are retried with backoff. A database that cannot be written is logged
 * and waited out: nothing here throws out of a timer or leaves a rejection unhandled.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, logger, handlers, onGiveUp } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const pollMs = options.pollMs ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxStorageBackoffMs = options.maxStorageBackoffMs ?? 30_000;

  let started = false;
  let timer: NodeJS.Timeout | undefined;
  /** Consecutive storage failures; while above 0 the poll backs off and finished jobs start no others. */
  let storageFailures = 0;
  const running = new Map<number, Promise<void>>();
  const busyProjects = new Set<number>();

  function storageFailed(what: string, error: unknown) {
    storageFailures += 1;
    options.onStorageError?.(error);
    logger.error(`Outbox: the database failed while ${what}; retrying in ${nextPollMs()} ms:`, error);
  }

  const nextPollMs = () =>
    storageFailures === 0 ? pollMs : Math.min(maxStorageBackoffMs, pollMs * 2 ** storageFailures);

  /** Runs a storage call; false (logged, backing off) when the database fails. */
  function store(what: string, write: () => void): boolean {
    try {
      write();
      storageFailures = 0;
      return true;
    } catch (error) {
      storageFailed(what, error);
      return false;
    }
  }

  async function giveUp(row: OutboxRow, reason: GiveUp, error: unknown): Promise<void> {
    // Cleared only if nothing new was asked for meanwhile (a new change may have fixed the cause).
    if (!store(`dropping ${row.job}`, () => completeJob(db, row))) return;
    let told: string | undefined;
    if (!store(`reading the notices of ${row.job}`, () => (told = lastNotice(db, row.projectId, row.job))))
      return;
    if (told === reason.cause) {
      logger.info(
        `${row.job} for project ${row.projectId} still fails (${reason.cause}); the channel knows.`,
      );
      return;
    }
    try {
      await onGiveUp(row, reason, error);
    } catch (e) {
      logger.warn(`Could not report the failed ${row.job} of project ${row.projectId}:`, e);
      return;
    }
    store("recording a notice", () =>
      recordNotice(db, { projectId: row.projectId, job: row.job, cause: reason.cause, at: clock() }),
    );
  }

  async function runOne(row: OutboxRow): Promise<void> {
    const handler = handlers[row.job as OutboxJob];
    if (!handler) {
      logger.warn(`No handler for outbox job ${row.job}; dropping it.`);
      store(`dropping ${row.job}`, () => dropJob(db, row));
      return;
    }
    try {
      await handler(row);
    } catch (error) {
      await failed(row, error);
      return;
    }
    if (store(`completing ${row.job}`, () => completeJob(db, row))) {
      store("clearing notices", () => clearNotice(db, row.projectId, row.job));
    }
  }

  async function failed(row: OutboxRow, error: unknown): Promise<void> {
    if (isStorageError(error)) {
      // The row stays as it is (due): it runs again once the database answers.
      storageFailed(`running ${row.job} for project ${row.projectId}`, error);
      return;
    }
    const wait = rateLimitDelayMs(error);
    if (wait !== undefined) {
      const runAfter = new Date(clock().getTime() + Math.max(wait, 100));
      logger.info(
        `${row.job} for project ${row.projectId} is rate-limited; it runs at ${runAfter.toISOString()}.`,
      );
      store(`deferring ${row.job}`, () => deferJob(db, row, runAfter));
      return;
    }
    const cause = describe(error);
    if (PERMANENT_SLACK_ERRORS.has(slackErrorCode(error) ?? "")) {
      logger.error(`${row.job} for project ${row.projectId} cannot succeed (${cause}); not retrying.`);
      await giveUp(row, { cause, permanent: true }, error);
      return;
    }
    if (row.attempts + 1 >= maxAttempts) {
      logger.error(
        `Giving up on ${row.job} for project ${row.projectId} after ${maxAttempts} attempts:`,
        error,
      );
      await giveUp(row, { cause, permanent: false }, error);
      return;
    }
    const runAfter = new Date(clock().getTime() + backoffMs(retryBaseMs, row.attempts));
    logger.warn(
      `${row.job} for project ${row.projectId} failed; retrying at ${runAfter.toISOString()}:`,
      error,
    );
    store(`rescheduling ${row.job}`, () =>
      rescheduleJob(db, row, { runAfter, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** Starts due jobs of idle projects, up to `concurrency` running; returns the promises it started. */
  function pump(): Promise<void>[] {
    if (running.size >= concurrency) return [];
    let rows: OutboxRow[];
    try {
      rows = dueJobs(db, clock());
    } catch (error) {
      storageFailed("looking for due jobs", error);
      return [];
    }
    const startedNow: Promise<void>[] = [];
    for (const row of rows) {
      if (running.size >= concurrency) break;
      if (busyProjects.has(row.projectId) || running.has(row.id)) continue;
      busyProjects.add(row.projectId);
      const run = runOne(row)
        .catch((error) => logger.error(`Outbox: ${row.job} for project ${row.projectId} failed:`, error))
        .finally(() => {
          busyProjects.delete(row.projectId);
          running.delete(row.id);
          // A finished job makes room: start the next one now, unless the database is failing.
          if (storageFailures === 0 && started) pump();
        });
      running.set(row.id, run);
      startedNow.push(run);
    }
    // Nothing was due: whatever failed before has nothing left to retry.
    if (rows.length === 0) storageFailures = 0;
    return startedNow;
  }

  function schedule() {
    if (!started) return;
    timer = setTimeout(() => {
      timer = undefined;
      try {
        pump();
      } catch (error) {
        logger.error("Outbox: the poll failed:", error);
      }
      schedule();
    }, nextPollMs());
    timer.unref();
  }

  async function runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      count += pump().length;
      if (running.size === 0) break;
      await Promise.race(running.values());
      // The database failed: the timer's backed-off poll tries again, not this loop.
      if (storageFailures > 0) break;
    }
    await Promise.all(running.values());
    return count;
  }

  function nothingDue(): boolean {
    try {
      return dueJobs(db, clock(), 1).length === 0;
    } catch (error) {
      storageFailed("looking for due jobs", error);
      return false;
    }
  }

  async function idle(): Promise<void> {
    for (;;) {
      pump();
      if (running.size === 0 && nothingDue()) return;
      if (running.size > 0) await Promise.race(running.values());
      else await new Promise((resolve) => setTimeout(resolve, nextPollMs()));
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      pump();
      schedule();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await Promise.all(running.values());
    },
    runDue,
    idle,
  };
}
