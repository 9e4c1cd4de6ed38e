import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { perDatabase } from "../db/prepared.js";
import { outbox, outboxNotices } from "../db/schema.js";
import { cutText } from "../domain/text.js";

/**
 * The outbox's queue: work owed after a committed change, written in the change's own transaction, so it
 * survives a crash and never runs for a change that rolled back. What asks for which job is refresh-rules.ts.
 */
import type { OutboxJob } from "./job-kinds.js";

export type { OutboxJob };

export type OutboxRow = typeof outbox.$inferSelect;

const upsertJob = perDatabase((db) =>
  db
    .insert(outbox)
    .values({
      projectId: sql.placeholder("projectId"),
      job: sql.placeholder("job"),
      actorId: sql.placeholder("actorId"),
      runAfter: sql.placeholder("runAfter"),
      createdAt: sql.placeholder("createdAt"),
    })
    .onConflictDoUpdate({
      target: [outbox.projectId, outbox.job],
      set: {
        generation: sql`${outbox.generation} + 1`,
        actorId: sql`excluded.actor_id`,
        attempts: 0,
        lastError: null,
      },
    })
    .prepare(),
);

/**
 * Asks for a job to run at `runAfter`, inside the caller's transaction. A job already waiting for the
 * same project keeps its earlier time (so a burst of changes makes one Slack call) and is marked as
 * having new work.
 */
export function enqueueJob(
  tx: DbOrTx,
  args: { projectId: number; job: OutboxJob; actorId: string; runAfter: Date; now: Date },
): void {
  upsertJob(tx).run({
    projectId: args.projectId,
    job: args.job,
    actorId: args.actorId,
    runAfter: args.runAfter,
    createdAt: args.now,
  });
}

/** Jobs due at `now`, oldest first. */
export function dueJobs(db: DbOrTx, now: Date, limit = 50): OutboxRow[] {
  return db
    .select()
    .from(outbox)
    .where(lte(outbox.runAfter, now))
    .orderBy(asc(outbox.runAfter))
    .limit(limit)
    .all();
}

/** Clears a job that ran, unless it was asked for again while running. */
export function completeJob(db: DbOrTx, row: OutboxRow): void {
  db.delete(outbox)
    .where(and(eq(outbox.id, row.id), eq(outbox.generation, row.generation)))
    .run();
}

export function rescheduleJob(db: DbOrTx, row: OutboxRow, args: { runAfter: Date; error: string }): void {
  db.update(outbox)
    .set({ attempts: row.attempts + 1, runAfter: args.runAfter, lastError: cutText(args.error, 500) })
    .where(eq(outbox.id, row.id))
    .run();
}

/** Puts a job off until `runAfter` without counting a failed attempt (the service asked us to slow down). */
export function deferJob(db: DbOrTx, row: OutboxRow, runAfter: Date): void {
  db.update(outbox).set({ runAfter }).where(eq(outbox.id, row.id)).run();
}

export function dropJob(db: DbOrTx, row: OutboxRow): void {
  db.delete(outbox).where(eq(outbox.id, row.id)).run();
}

export function pendingJobs(db: DbOrTx, projectId: number): OutboxRow[] {
  return db.select().from(outbox).where(eq(outbox.projectId, projectId)).all();
}

/** The failure of this project's job the channel was last told about, if any. */
export function lastNotice(db: DbOrTx, projectId: number, job: OutboxJob): string | undefined {
  return db
    .select({ cause: outboxNotices.cause })
    .from(outboxNotices)
    .where(and(eq(outboxNotices.projectId, projectId), eq(outboxNotices.job, job)))
    .get()?.cause;
}

export function recordNotice(
  db: DbOrTx,
  args: { projectId: number; job: OutboxJob; cause: string; at: Date },
): void {
  db.insert(outboxNotices)
    .values(args)
    .onConflictDoUpdate({
      target: [outboxNotices.projectId, outboxNotices.job],
      set: { cause: args.cause, at: args.at },
    })
    .run();
}

/** The job worked: a later failure, even for the same reason, is news again. */
export function clearNotice(db: DbOrTx, projectId: number, job: OutboxJob): void {
  db.delete(outboxNotices)
    .where(and(eq(outboxNotices.projectId, projectId), eq(outboxNotices.job, job)))
    .run();
}
