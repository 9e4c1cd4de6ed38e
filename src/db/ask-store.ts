import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { type AskRow, asks } from "./schema.js";

/**
 * Asks (`/intplan ask @person <sections>`): one row per person and questionnaire section, open until the
 * section is answered or the ask is cancelled. Every change writes its audit row and asks for the status board
 * to be refreshed, in one transaction.
 */

const openAsksOf = perDatabase((db) =>
  db
    .select()
    .from(asks)
    .where(and(eq(asks.projectId, sql.placeholder("projectId")), isNull(asks.closedAt)))
    .orderBy(asc(asks.askedAt), asc(asks.id))
    .prepare(),
);

/** A project's open asks, oldest first. */
export function listOpenAsks(db: DbOrTx, projectId: number): AskRow[] {
  return openAsksOf(db).all({ projectId });
}

export interface AddAsksCommand extends ChangeStamp {
  personId: string;
  sectionIds: readonly string[];
  note: string | null;
}

export interface AddAsksResult {
  /** The asks made now, in the order asked. */
  added: AskRow[];
  /** The sections this person was already asked for (still open): not asked twice. */
  alreadyOpen: AskRow[];
}

/** Asks a person for sections; a section they already owe is left as it is (no second ask). */
export function addAsks(db: Db, cmd: AddAsksCommand): AddAsksResult {
  return db.transaction((tx) => {
    const open = listOpenAsks(tx, cmd.projectId).filter((a) => a.personId === cmd.personId);
    const alreadyOpen = open.filter((a) => cmd.sectionIds.includes(a.sectionId));
    const fresh = cmd.sectionIds.filter((id) => !open.some((a) => a.sectionId === id));
    if (fresh.length === 0) return { added: [], alreadyOpen };
    const added = tx
      .insert(asks)
      .values(
        fresh.map((sectionId) => ({
          projectId: cmd.projectId,
          personId: cmd.personId,
          sectionId,
          note: cmd.note,
          askedBy: cmd.actorId,
          askedAt: cmd.at,
        })),
      )
      .returning()
      .all();
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "ask.sent",
      details: { person: cmd.personId, sections: fresh, note: cmd.note },
      at: cmd.at,
    });
    recordChange(tx, "ask", cmd);
    return { added, alreadyOpen };
  });
}

/** Where Slack took the message that carries the asks' button. */
export function recordAskMessage(
  db: DbOrTx,
  args: { askIds: readonly number[]; channel: string; ts: string },
): void {
  if (args.askIds.length === 0) return;
  db.update(asks)
    .set({ messageChannel: args.channel, messageTs: args.ts })
    .where(inArray(asks.id, [...args.askIds]))
    .run();
}

export interface CloseAsksCommand extends ChangeStamp {
  reason: "answered" | "cancelled";
  /** Only this person's asks; everyone's when absent. */
  personId?: string;
  /** Only these sections; every section when absent. */
  sectionIds?: readonly string[];
}

/** Closes the matching open asks; returns the ones it closed (none: nothing is written). */
export function closeAsks(db: Db, cmd: CloseAsksCommand): AskRow[] {
  return db.transaction((tx) => {
    const matching = listOpenAsks(tx, cmd.projectId).filter(
      (a) =>
        (cmd.personId === undefined || a.personId === cmd.personId) &&
        (cmd.sectionIds === undefined || cmd.sectionIds.includes(a.sectionId)),
    );
    if (matching.length === 0) return [];
    const closed = tx
      .update(asks)
      .set({ closedAt: cmd.at, closedBy: cmd.actorId, closedReason: cmd.reason })
      .where(
        inArray(
          asks.id,
          matching.map((a) => a.id),
        ),
      )
      .returning()
      .all();
    // One audit row per person, so the history reads "cancelled the ask of @Dana for 5. Security".
    for (const personId of new Set(closed.map((a) => a.personId))) {
      recordAudit(tx, {
        projectId: cmd.projectId,
        actorId: cmd.actorId,
        action: cmd.reason === "answered" ? "ask.answered" : "ask.cancelled",
        details: {
          person: personId,
          sections: closed.filter((a) => a.personId === personId).map((a) => a.sectionId),
        },
        at: cmd.at,
      });
    }
    recordChange(tx, "ask", cmd);
    return closed;
  });
}

/** The asks on one message (a message carries the asks made by one command), open or not. */
export function asksOnMessage(db: DbOrTx, channel: string, ts: string): AskRow[] {
  return db
    .select()
    .from(asks)
    .where(and(eq(asks.messageChannel, channel), eq(asks.messageTs, ts)))
    .orderBy(asc(asks.id))
    .all();
}

/** Every ask of a person in a project, open or closed, oldest first. */
export function asksOfPerson(db: DbOrTx, projectId: number, personId: string): AskRow[] {
  return db
    .select()
    .from(asks)
    .where(and(eq(asks.projectId, projectId), eq(asks.personId, personId)))
    .orderBy(asc(asks.id))
    .all();
}

/**
 * The asks that let `personId` open sections of a project they may not otherwise reach (the ask is the
 * grant): open ones, and the ones they answered themselves (so they can go back and correct what they just
 * saved); never cancelled ones.
 */
export const grantingAsks = (db: DbOrTx, projectId: number, personId: string): AskRow[] =>
  asksOfPerson(db, projectId, personId).filter((a) => a.closedReason !== "cancelled");
