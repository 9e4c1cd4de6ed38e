import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { outbox } from "./schema.js";

/** Slack work owed after a committed change. */
export const OUTBOX_JOBS = ["refresh-plan", "refresh-discovery", "refresh-status-board"] as const;
export type OutboxJob = (typeof OUTBOX_JOBS)[number];

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

export function dueJobs(db: DbOrTx, now: Date, limit = 20): OutboxRow[] {
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
    .set({ attempts: row.attempts + 1, runAfter: args.runAfter, lastError: args.error.slice(0, 500) })
    .where(eq(outbox.id, row.id))
    .run();
}

export function dropJob(db: DbOrTx, row: OutboxRow): void {
  db.delete(outbox).where(eq(outbox.id, row.id)).run();
}

export function pendingJobs(db: DbOrTx, projectId: number): OutboxRow[] {
  return db.select().from(outbox).where(eq(outbox.projectId, projectId)).all();
}
