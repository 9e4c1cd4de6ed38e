import { and, eq, gt, sql } from "drizzle-orm";
import type { NudgeKind } from "../domain/reminders/nudges.js";
import type { DbOrTx } from "./client.js";
import { type NudgeRow, nudges } from "./schema.js";

export type { NudgeRow };

/**
 * The nudges ledger (schema.ts `nudges`): one row per item and window. A row is written in the same
 * transaction that decides to send, before Slack is called, so a nudge is never sent twice; the message's
 * ts is added once Slack took it.
 */

/** Every ledger row of a project (the planner compares them with what is due). */
export function nudgesOf(db: DbOrTx, projectId: number): NudgeRow[] {
  return db.select().from(nudges).where(eq(nudges.projectId, projectId)).all();
}

export function findNudge(db: DbOrTx, id: number): NudgeRow | undefined {
  return db.select().from(nudges).where(eq(nudges.id, id)).get();
}

/**
 * Marks an item's nudge as sent now: a new row, or the row of a snooze that ran out (sent again). Returns
 * the row's id.
 */
export function recordNudgeSent(
  tx: DbOrTx,
  args: { projectId: number; kind: NudgeKind; itemKey: string; recipientId: string | null; at: Date },
): number {
  const row = tx
    .insert(nudges)
    .values({
      projectId: args.projectId,
      kind: args.kind,
      itemKey: args.itemKey,
      state: "sent",
      recipientId: args.recipientId,
      timesSent: 1,
      sentAt: args.at,
      createdAt: args.at,
      updatedAt: args.at,
    })
    .onConflictDoUpdate({
      target: [nudges.projectId, nudges.itemKey],
      set: {
        state: "sent",
        recipientId: args.recipientId,
        snoozedUntil: null,
        timesSent: sql`${nudges.timesSent} + 1`,
        sentAt: args.at,
        messageChannel: null,
        messageTs: null,
        updatedAt: args.at,
      },
    })
    .returning({ id: nudges.id })
    .get();
  return row.id;
}

/** The message that carries a nudge, once Slack took it. */
export function setNudgeMessage(db: DbOrTx, id: number, message: { channel: string; ts: string }): void {
  db.update(nudges)
    .set({ messageChannel: message.channel, messageTs: message.ts })
    .where(eq(nudges.id, id))
    .run();
}

export function snoozeNudge(tx: DbOrTx, args: { id: number; until: Date; by: string; at: Date }): void {
  tx.update(nudges)
    .set({ state: "snoozed", snoozedUntil: args.until, changedBy: args.by, updatedAt: args.at })
    .where(eq(nudges.id, args.id))
    .run();
}

export function dismissNudge(tx: DbOrTx, args: { id: number; by: string; at: Date }): void {
  tx.update(nudges)
    .set({ state: "dismissed", snoozedUntil: null, changedBy: args.by, updatedAt: args.at })
    .where(eq(nudges.id, args.id))
    .run();
}

/** The project's nudges snoozed past `now` (the status board shows them as such). */
export function snoozedNudges(db: DbOrTx, projectId: number, now: Date): NudgeRow[] {
  return db
    .select()
    .from(nudges)
    .where(and(eq(nudges.projectId, projectId), eq(nudges.state, "snoozed"), gt(nudges.snoozedUntil, now)))
    .all();
}

/**
 * Undoes `recordNudgeSent` for a nudge Slack did not take (a rate limit, an outage: it was never delivered),
 * so the next run sends it: the row goes back to what it was before (a snoozed row stays snoozed, its time
 * passed) or, new, is deleted.
 */
export function restoreNudge(db: DbOrTx, id: number, before: NudgeRow | undefined): void {
  if (!before) {
    db.delete(nudges).where(eq(nudges.id, id)).run();
    return;
  }
  db.update(nudges)
    .set({
      state: before.state,
      recipientId: before.recipientId,
      snoozedUntil: before.snoozedUntil,
      timesSent: before.timesSent,
      sentAt: before.sentAt,
      messageChannel: before.messageChannel,
      messageTs: before.messageTs,
      updatedAt: before.updatedAt,
    })
    .where(eq(nudges.id, id))
    .run();
}
