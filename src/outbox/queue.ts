import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { perDatabase } from "../db/prepared.js";
import { outbox, outboxNotices, projects } from "../db/schema.js";
import { cutText } from "../domain/text.js";

/**
 * The outbox's queue: work owed after a committed change, written in the change's own transaction, so it
 * survives a crash and never runs for a change that rolled back. What asks for which job is refresh-rules.ts.
 */
import { type OutboxJob, RECURRING_JOBS } from "./job-kinds.js";

export type { OutboxJob };

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * The enqueue statement: a job waiting already is marked as having new work and keeps its time; with
 * `bringForward` (a recurring job, waiting for a later time of its own) a change brings it forward.
 */
const upsertOf = (bringForward: boolean) =>
  perDatabase((db) =>
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
          ...(bringForward ? { runAfter: sql`min(${outbox.runAfter}, excluded.run_after)` } : {}),
          attempts: 0,
          lastError: null,
        },
      })
      .prepare(),
  );
const upsertJob = upsertOf(false);
const upsertEarliest = upsertOf(true);

/**
 * Asks for a job to run at `runAfter`, inside the caller's transaction. A job already waiting for the
 * same project keeps its earlier time (so a burst of changes makes one Slack call) and is marked as
 * having new work. A recurring job (reminders) waiting for a later time is brought forward to `runAfter`.
 */
export function enqueueJob(
  tx: DbOrTx,
  args: { projectId: number; job: OutboxJob; actorId: string; runAfter: Date; now: Date },
): void {
  (RECURRING_JOBS.has(args.job) ? upsertEarliest : upsertJob)(tx).run({
    projectId: args.projectId,
    job: args.job,
    actorId: args.actorId,
    runAfter: args.runAfter,
    createdAt: args.now,
  });
}

/**
 * Free for `owner` to run: not claimed, claimed by a process whose lease has lapsed, or claimed by `owner`
 * itself (a claim it could not release while the database failed: it runs the job again, not waiting out
 * its own lease).
 */
const claimableAt = (now: Date, owner: string | undefined) =>
  or(
    isNull(outbox.claimedUntil),
    lte(outbox.claimedUntil, now),
    ...(owner === undefined ? [] : [eq(outbox.claimedBy, owner)]),
  );

/** Jobs due at `now` that no other process holds (`owner`: the asking process), oldest first. */
export function dueJobs(db: DbOrTx, now: Date, limit = 50, owner?: string): OutboxRow[] {
  return db
    .select()
    .from(outbox)
    .where(and(lte(outbox.runAfter, now), claimableAt(now, owner)))
    .orderBy(asc(outbox.runAfter))
    .limit(limit)
    .all();
}

/**
 * Claims a due job for `owner` until `until`: one conditional update, so of two processes that both saw the
 * row due, exactly one gets it (SQLite runs writes one at a time). False when another process holds it, ran
 * it already (it is gone, or due later), or the row changed since it was read. The claimed row is returned.
 */
export function claimJob(
  db: DbOrTx,
  row: OutboxRow,
  args: { owner: string; now: Date; until: Date },
): OutboxRow | undefined {
  const claimed = db
    .update(outbox)
    .set({ claimedBy: args.owner, claimedUntil: args.until })
    .where(
      and(
        eq(outbox.id, row.id),
        eq(outbox.generation, row.generation),
        lte(outbox.runAfter, args.now),
        claimableAt(args.now, args.owner),
      ),
    )
    .run();
  return claimed.changes === 1 ? { ...row, claimedBy: args.owner, claimedUntil: args.until } : undefined;
}

const unclaimed = { claimedBy: null, claimedUntil: null } as const;

/**
 * The row as the process that ran it holds it: a process whose lease lapsed meanwhile (another one claimed the
 * job since) changes nothing of it when it finishes.
 */
const heldAs = (row: OutboxRow) =>
  and(
    eq(outbox.id, row.id),
    row.claimedBy === null ? isNull(outbox.claimedBy) : eq(outbox.claimedBy, row.claimedBy),
  );

/** Clears a job that ran, unless it was asked for again while running (then it is released, to run again). */
export function completeJob(db: DbOrTx, row: OutboxRow): void {
  const done = db
    .delete(outbox)
    .where(and(heldAs(row), eq(outbox.generation, row.generation)))
    .run();
  if (done.changes === 0) db.update(outbox).set(unclaimed).where(heldAs(row)).run();
}

/**
 * A recurring job ran: it is next due at `nextRunAt`, unless it was asked for again while running (then it
 * is released at its earlier time, to run again with the new work).
 */
export function completeRecurringJob(db: DbOrTx, row: OutboxRow, nextRunAt: Date): void {
  const done = db
    .update(outbox)
    .set({ ...unclaimed, runAfter: nextRunAt, attempts: 0, lastError: null })
    .where(and(heldAs(row), eq(outbox.generation, row.generation)))
    .run();
  if (done.changes === 0)
    db.update(outbox)
      .set({ ...unclaimed, runAfter: sql`min(${outbox.runAfter}, ${nextRunAt.getTime()})` })
      .where(heldAs(row))
      .run();
}

export function rescheduleJob(db: DbOrTx, row: OutboxRow, args: { runAfter: Date; error: string }): void {
  db.update(outbox)
    .set({
      ...unclaimed,
      attempts: row.attempts + 1,
      runAfter: args.runAfter,
      lastError: cutText(args.error, 500),
    })
    .where(heldAs(row))
    .run();
}

/** Puts a job off until `runAfter` without counting a failed attempt (the service asked us to slow down). */
export function deferJob(db: DbOrTx, row: OutboxRow, runAfter: Date): void {
  db.update(outbox)
    .set({ ...unclaimed, runAfter })
    .where(heldAs(row))
    .run();
}

/** Lets go of a claimed job without changing it (the database failed mid-run): it is due again at once. */
export function releaseJob(db: DbOrTx, row: OutboxRow): void {
  db.update(outbox).set(unclaimed).where(heldAs(row)).run();
}

export function dropJob(db: DbOrTx, row: OutboxRow): void {
  db.delete(outbox).where(eq(outbox.id, row.id)).run();
}

/**
 * Gives every project that lacks one its row of `job` (a recurring job): run at start, so a project created
 * before the job existed (an upgrade), or whose row was lost, is scheduled again. The row is due since the
 * project was created, as if the job had been owed all along: a job that tells a late run from a punctual one
 * (reminders: one summary instead of every overdue nudge at once) treats it as late. Returns how many.
 */
export function ensureRecurringJob(db: DbOrTx, job: OutboxJob, args: { now: Date; actorId: string }): number {
  const result = db.run(sql`
    insert into ${outbox} (project_id, job, actor_id, run_after, created_at)
    select ${projects.id}, ${job}, ${args.actorId}, min(${projects.createdAt}, ${args.now.getTime()}), ${args.now.getTime()}
    from ${projects}
    where not exists (
      select 1 from ${outbox} o where o.project_id = ${projects.id} and o.job = ${job}
    )
    on conflict do nothing`);
  return result.changes;
}

/** Makes a waiting job due at `to` when that is earlier (the job then knows it was owed since then). */
export function backdateJob(tx: DbOrTx, args: { projectId: number; job: OutboxJob; to: Date }): void {
  tx.update(outbox)
    .set({ runAfter: sql`min(${outbox.runAfter}, ${args.to.getTime()})` })
    .where(and(eq(outbox.projectId, args.projectId), eq(outbox.job, args.job)))
    .run();
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
