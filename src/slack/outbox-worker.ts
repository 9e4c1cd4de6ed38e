import type { Logger } from "@slack/bolt";
import type { Db } from "../db/client.js";
import {
  completeJob,
  dropJob,
  dueJobs,
  type OutboxJob,
  type OutboxRow,
  rescheduleJob,
} from "../db/outbox.js";

export type JobHandler = (row: OutboxRow) => Promise<void>;

export interface OutboxWorkerOptions {
  db: Db;
  clock: () => Date;
  logger: Logger;
  handlers: Partial<Record<OutboxJob, JobHandler>>;
  /** Called once when a job has failed `maxAttempts` times, to tell the channel. */
  onGiveUp: (row: OutboxRow, error: unknown) => Promise<void>;
  pollMs?: number;
  /** The first retry waits this long, each later one twice as long, up to five minutes. Default 1 s. */
  retryBaseMs?: number;
  maxAttempts?: number;
}

export interface OutboxWorker {
  start(): void;
  stop(): Promise<void>;
  /** Runs every job that is due now; resolves when they are done. */
  runDue(): Promise<number>;
}

const backoffMs = (baseMs: number, attempts: number) => Math.min(5 * 60_000, baseMs * 2 ** attempts);

/**
 * Drains the outbox in the background (and once at start, for work left by a restart). Slack calls
 * happen here, after the change they report was committed; failures are retried with backoff.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, logger, handlers, onGiveUp } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function runOne(row: OutboxRow): Promise<void> {
    const handler = handlers[row.job as OutboxJob];
    if (!handler) {
      logger.warn(`No handler for outbox job ${row.job}; dropping it.`);
      dropJob(db, row);
      return;
    }
    try {
      await handler(row);
      completeJob(db, row);
    } catch (error) {
      if (row.attempts + 1 >= maxAttempts) {
        logger.error(
          `Giving up on ${row.job} for project ${row.projectId} after ${maxAttempts} attempts:`,
          error,
        );
        dropJob(db, row);
        await onGiveUp(row, error).catch((e) => logger.warn("Could not report a failed job:", e));
        return;
      }
      const runAfter = new Date(clock().getTime() + backoffMs(retryBaseMs, row.attempts));
      logger.warn(
        `${row.job} for project ${row.projectId} failed; retrying at ${runAfter.toISOString()}:`,
        error,
      );
      rescheduleJob(db, row, { runAfter, error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function drain(): Promise<number> {
    const rows = dueJobs(db, clock());
    for (const row of rows) await runOne(row);
    return rows.length;
  }

  const runDue = (): Promise<number> => {
    running ??= drain().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    start() {
      if (timer) return;
      void runDue();
      timer = setInterval(() => void runDue(), options.pollMs ?? 500);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    runDue,
  };
}
