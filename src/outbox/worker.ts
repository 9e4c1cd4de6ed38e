import { randomUUID } from "node:crypto";
import { type Db, storageProblemOf } from "../db/client.js";
import type { Logger } from "../logger.js";
import { RECURRING_JOBS } from "./job-kinds.js";
import {
  claimJob,
  clearNotice,
  completeJob,
  completeRecurringJob,
  deferJob,
  dropJob,
  dueJobs,
  lastNotice,
  type OutboxJob,
  type OutboxRow,
  recordNotice,
  releaseJob,
  rescheduleJob,
} from "./queue.js";

/** What a recurring job's run says: when it is next due. A one-off job's handler returns nothing. */
export interface RecurringRun {
  nextRunAt: Date;
}

/** Runs a job. A recurring job's handler resolves with a `RecurringRun`; what others resolve with is ignored. */
export type JobHandler = (row: OutboxRow) => Promise<unknown>;

const isRecurringRun = (value: unknown): value is RecurringRun =>
  typeof value === "object" && value !== null && (value as RecurringRun).nextRunAt instanceof Date;

/**
 * What a failed job's error means for it, as told by whoever knows the service the handlers call (the
 * worker knows none): `deferred`, the service asked to wait (not a failed attempt); `permanent`, retrying
 * cannot help (given up on at once); `retry`, try again with backoff. `cause` is what the channel is told.
 * Storage errors never get here: the worker waits those out itself.
 */
export type JobFailure =
  | { kind: "deferred"; retryAfterMs: number }
  | { kind: "permanent"; cause: string }
  | { kind: "retry"; cause: string };

/** Why a job stopped being tried, as the channel is told. */
export interface GiveUp {
  /** The service's error code, or a short name for the failure ("network", "timeout"), from `classifyFailure`. */
  cause: string;
  /** True when retrying cannot help (a setting, a permission, a size limit): it was not retried. */
  permanent: boolean;
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: () => Date;
  logger: Logger;
  handlers: Partial<Record<OutboxJob, JobHandler>>;
  /** Says whether a handler's error is worth retrying, now or later (the Slack side's classifier). */
  classifyFailure: (error: unknown) => JobFailure;
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
  /**
   * Storage work done once before the first job (the app gives every project its recurring jobs); while the
   * database fails it is tried again at each poll, and no job runs before it succeeded.
   */
  prepare?: (db: Db) => void;
  /** This process's name on the jobs it claims (a random id by default). */
  owner?: string;
  /**
   * A claimed job is this process's for this long; past it, another process may run it (and a restarted one:
   * each process has an id of its own). Default 2 min: a job's Slack calls give up well before.
   */
  leaseMs?: number;
}

export interface OutboxWorker {
  start(): void;
  stop(): Promise<void>;
  /** Runs every job that is due now (`concurrency` at a time); resolves when they, and any already running, are done. */
  runDue(): Promise<number>;
  /** Resolves when no job is running and none is due at the clock's current time. */
  idle(): Promise<void>;
}

/** A recurring job given up on runs again this much later (it is never dropped). */
const RECURRING_RETRY_MS = 60 * 60_000;

const backoffMs = (baseMs: number, attempts: number) => Math.min(5 * 60_000, baseMs * 2 ** attempts);

/**
 * better-sqlite3 failed because the database could not be read or written (disk full, I/O, read-only, busy or
 * locked, the file gone, or not open yet): wait it out, do not count it. Not SQL or constraint errors: those
 * are bugs, retried and given up on like any failure. The one classification is `storageProblemOf`.
 */
export function isStorageError(error: unknown): boolean {
  return storageProblemOf(error) !== undefined;
}

/**
 * Drains the outbox in the background (and once at start, for work left by a restart). The handlers' calls
 * (Slack's, in this app) happen here, after the change they report was committed. Jobs of different projects
 * run side by side (at most `concurrency` at once), so one slow channel never holds up another; two jobs of
 * one project never overlap. A failure `classifyFailure` calls deferred (a rate limit) puts the job off
 * without counting against it; a permanent one drops it at once; others are retried with backoff. A database
 * that cannot be written is logged and waited out: nothing here throws out of a timer or leaves a rejection
 * unhandled.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, logger, handlers, onGiveUp, classifyFailure } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const pollMs = options.pollMs ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxStorageBackoffMs = options.maxStorageBackoffMs ?? 30_000;
  const owner = options.owner ?? randomUUID();
  const leaseMs = options.leaseMs ?? 2 * 60_000;

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
    // Cleared only if nothing new was asked for meanwhile (a new change may have fixed the cause). A
    // recurring job is never dropped: it is tried again in an hour, and reported once per cause meanwhile.
    const drop = RECURRING_JOBS.has(row.job)
      ? () => completeRecurringJob(db, row, new Date(clock().getTime() + RECURRING_RETRY_MS))
      : () => completeJob(db, row);
    if (!store(`dropping ${row.job}`, drop)) return;
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

  /**
   * Claims the row, then runs it. Another process that claimed it first (or already ran it) wins: this one
   * leaves it alone, so every job runs once however many processes share the database.
   */
  async function runOne(seen: OutboxRow): Promise<void> {
    const handler = handlers[seen.job as OutboxJob];
    if (!handler) {
      logger.warn(`No handler for outbox job ${seen.job}; dropping it.`);
      store(`dropping ${seen.job}`, () => dropJob(db, seen));
      return;
    }
    let row: OutboxRow | undefined;
    const now = clock();
    if (
      !store(`claiming ${seen.job}`, () => {
        row = claimJob(db, seen, { owner, now, until: new Date(now.getTime() + leaseMs) });
      }) ||
      !row
    )
      return;
    const claimed = row;
    let result: unknown;
    try {
      result = await handler(claimed);
    } catch (error) {
      await failed(claimed, error);
      return;
    }
    const finish =
      RECURRING_JOBS.has(claimed.job) && isRecurringRun(result)
        ? () => completeRecurringJob(db, claimed, result.nextRunAt)
        : () => completeJob(db, claimed);
    if (store(`completing ${claimed.job}`, finish)) {
      store("clearing notices", () => clearNotice(db, claimed.projectId, claimed.job));
    }
  }

  async function failed(row: OutboxRow, error: unknown): Promise<void> {
    if (isStorageError(error)) {
      // The row stays due: it runs again once the database answers (released, if the database lets us).
      storageFailed(`running ${row.job} for project ${row.projectId}`, error);
      try {
        releaseJob(db, row);
      } catch {
        // The lease lapses on its own.
      }
      return;
    }
    const failure = classifyFailure(error);
    if (failure.kind === "deferred") {
      const runAfter = new Date(clock().getTime() + Math.max(failure.retryAfterMs, 100));
      logger.info(
        `${row.job} for project ${row.projectId} is rate-limited; it runs at ${runAfter.toISOString()}.`,
      );
      store(`deferring ${row.job}`, () => deferJob(db, row, runAfter));
      return;
    }
    const { cause } = failure;
    if (failure.kind === "permanent") {
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

  let prepared = options.prepare === undefined;

  /** Starts due jobs of idle projects, up to `concurrency` running; returns the promises it started. */
  function pump(): Promise<void>[] {
    if (running.size >= concurrency) return [];
    if (!prepared) {
      if (!store("preparing the outbox", () => options.prepare?.(db))) return [];
      prepared = true;
    }
    let rows: OutboxRow[];
    try {
      rows = dueJobs(db, clock(), 50, owner);
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
      return dueJobs(db, clock(), 1, owner).length === 0;
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
