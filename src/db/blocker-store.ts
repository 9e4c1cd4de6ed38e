import { and, asc, eq, sql } from "drizzle-orm";
import type { BlockerInput } from "../domain/blockers.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { touchProject } from "./project-store.js";
import { type BlockerRow, blockers } from "./schema.js";

export interface AddBlockerCommand extends ChangeStamp {
  input: BlockerInput;
  /** The message the blocker was logged from (the "Log as blocker" shortcut). */
  source?: { ts: string; permalink: string | null };
}

export type AddBlockerResult =
  | { kind: "added"; blocker: BlockerRow }
  | { kind: "already-logged"; blocker: BlockerRow };

const lastNumber = perDatabase((db) =>
  db
    .select({ last: sql<number>`coalesce(max(${blockers.number}), 0)` })
    .from(blockers)
    .where(eq(blockers.projectId, sql.placeholder("projectId")))
    .prepare(),
);

const insertBlocker = perDatabase((db) =>
  db
    .insert(blockers)
    .values({
      projectId: sql.placeholder("projectId"),
      number: sql.placeholder("number"),
      text: sql.placeholder("text"),
      ownerId: sql.placeholder("ownerId"),
      waitingOnClient: sql.placeholder("waitingOnClient"),
      createdBy: sql.placeholder("createdBy"),
      createdAt: sql.placeholder("createdAt"),
      sourceTs: sql.placeholder("sourceTs"),
      sourcePermalink: sql.placeholder("sourcePermalink"),
    })
    .returning()
    .prepare(),
);

/**
 * Logs a blocker with the project's next number (#1, #2, ...) and its audit row, in one transaction. A
 * message already logged as an open blocker is not logged twice.
 */
export function addBlocker(db: Db, cmd: AddBlockerCommand): AddBlockerResult {
  return db.transaction((tx) => {
    if (cmd.source) {
      const existing = tx
        .select()
        .from(blockers)
        .where(
          and(
            eq(blockers.projectId, cmd.projectId),
            eq(blockers.sourceTs, cmd.source.ts),
            eq(blockers.status, "open"),
          ),
        )
        .get();
      if (existing) return { kind: "already-logged" as const, blocker: existing };
    }
    const { last } = lastNumber(tx).get({ projectId: cmd.projectId }) ?? { last: 0 };
    const blocker = insertBlocker(tx).get({
      projectId: cmd.projectId,
      number: last + 1,
      text: cmd.input.text,
      ownerId: cmd.input.ownerId,
      waitingOnClient: cmd.input.waitingOnClient,
      createdBy: cmd.actorId,
      createdAt: cmd.at,
      sourceTs: cmd.source?.ts ?? null,
      sourcePermalink: cmd.source?.permalink ?? null,
    });
    if (!blocker) throw new Error("The new blocker was not stored.");
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "blocker.added",
      details: {
        number: blocker.number,
        text: blocker.text,
        owner: blocker.ownerId,
        waitingOnClient: blocker.waitingOnClient,
        ...(blocker.sourcePermalink ? { source: blocker.sourcePermalink } : {}),
      },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, "blocker", cmd);
    return { kind: "added" as const, blocker };
  });
}

export interface ResolveBlockerCommand extends ChangeStamp {
  number: number;
  note: string | null;
}

export type ResolveBlockerResult =
  | { kind: "resolved"; blocker: BlockerRow }
  | { kind: "already-resolved"; blocker: BlockerRow }
  | { kind: "not-found" };

export function findBlocker(db: DbOrTx, projectId: number, number: number): BlockerRow | undefined {
  return db
    .select()
    .from(blockers)
    .where(and(eq(blockers.projectId, projectId), eq(blockers.number, number)))
    .get();
}

/** A blocker by its row id (a nudge's ledger key names it so), within its project. */
export function findBlockerById(db: DbOrTx, projectId: number, id: number): BlockerRow | undefined {
  return db
    .select()
    .from(blockers)
    .where(and(eq(blockers.projectId, projectId), eq(blockers.id, id)))
    .get();
}

/** Resolves one of the project's blockers with an optional note, and records it, in one transaction. */
export function resolveBlocker(db: Db, cmd: ResolveBlockerCommand): ResolveBlockerResult {
  return db.transaction((tx) => {
    const existing = findBlocker(tx, cmd.projectId, cmd.number);
    if (!existing) return { kind: "not-found" as const };
    if (existing.status !== "open") return { kind: "already-resolved" as const, blocker: existing };
    const blocker = tx
      .update(blockers)
      .set({ status: "resolved", resolvedBy: cmd.actorId, resolvedAt: cmd.at, resolutionNote: cmd.note })
      .where(eq(blockers.id, existing.id))
      .returning()
      .get();
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "blocker.resolved",
      details: { number: blocker.number, text: blocker.text, note: cmd.note },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, "blocker", cmd);
    return { kind: "resolved" as const, blocker };
  });
}

const openBlockerQueries = perDatabase((db) => {
  const open = and(eq(blockers.projectId, sql.placeholder("projectId")), eq(blockers.status, "open"));
  return {
    list: db.select().from(blockers).where(open).orderBy(asc(blockers.number)).prepare(),
    count: db.select({ count: sql<number>`count(*)` }).from(blockers).where(open).prepare(),
  };
});

/** Open blockers, oldest first. */
export function listOpenBlockers(db: DbOrTx, projectId: number): BlockerRow[] {
  return openBlockerQueries(db).list.all({ projectId });
}

export function countOpenBlockers(db: DbOrTx, projectId: number): number {
  return openBlockerQueries(db).count.get({ projectId })?.count ?? 0;
}
