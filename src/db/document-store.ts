import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { CanvasAccessState, DocumentKind } from "../domain/document-kinds.js";
import { publishedChange, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { auditLog, type DocumentRow, documents, publications } from "./schema.js";

const documentQuery = perDatabase((db) =>
  db
    .select()
    .from(documents)
    .where(
      and(eq(documents.projectId, sql.placeholder("projectId")), eq(documents.kind, sql.placeholder("kind"))),
    )
    .prepare(),
);

export function findDocument(db: DbOrTx, projectId: number, kind: DocumentKind): DocumentRow | undefined {
  return documentQuery(db).get({ projectId, kind });
}

export interface PublicationRecord {
  projectId: number;
  kind: DocumentKind;
  target: "canvas" | "file";
  targetId: string;
  contentHash: string;
  actorId: string;
  at: Date;
  /** Keep the canvas as the document's home (a file upload does not replace it). */
  canvasId: string | null;
  /** A new canvas' link, when Slack gave it before the publish was recorded (one board refresh shows both). */
  canvasPermalink?: string | null;
  /**
   * It counts as a revision: a person asked for it (`/intplan plan`), or it carries a section edit not yet
   * published (`sectionEditedSincePublished`); any other automatic refresh keeps the revision it has.
   */
  asked: boolean;
}

/**
 * The revision (Document Control's version) a publish shows: the next one when it counts (`asked`), the
 * current one for an automatic refresh (1 at least: a refresh only edits a canvas that was published).
 */
export const revisionFor = (document: { revision: number } | undefined, asked: boolean): number =>
  asked ? (document?.revision ?? 0) + 1 : Math.max(document?.revision ?? 0, 1);

/**
 * Whether a person saved or reverted a section of the document since it was last published. That change
 * counts as one revision, taken by whichever publish carries it first (the edit's refresh or a person's
 * `/intplan plan`); after it, the edit is published and counts no more. Both facts are audit rows, each
 * written in its own change's transaction, so their order (the ids) is the order they happened in.
 */
export function sectionEditedSincePublished(db: DbOrTx, projectId: number, kind: DocumentKind): boolean {
  const ofDocument = and(
    eq(auditLog.projectId, projectId),
    sql`json_extract(${auditLog.details}, '$.document') = ${kind}`,
  );
  const lastPublished = db
    .select({ id: sql<number | null>`max(${auditLog.id})` })
    .from(auditLog)
    .where(and(ofDocument, eq(auditLog.action, "document.published")))
    .get();
  const edit = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        ofDocument,
        inArray(auditLog.action, ["section.edited", "section.reverted"]),
        gt(auditLog.id, lastPublished?.id ?? 0),
      ),
    )
    .limit(1)
    .get();
  return edit !== undefined;
}

/**
 * A freeze of a change not yet published is a revision a person asked for (document-versions.ts): it counts
 * at once, on a published document. Unpublished, the first publish is revision 1.
 */
export function countRevision(tx: DbOrTx, projectId: number, kind: DocumentKind): void {
  tx.update(documents)
    .set({ revision: sql`${documents.revision} + 1` })
    .where(and(eq(documents.projectId, projectId), eq(documents.kind, kind), sql`${documents.revision} > 0`))
    .run();
}

/**
 * Records a publish (document row, publication row, audit row) in one transaction; returns the revision it
 * shows (`version` stays the count of every publish, the publications' number).
 */
export function recordPublication(db: Db, rec: PublicationRecord): number {
  return db.transaction((tx) => {
    const existing = findDocument(tx, rec.projectId, rec.kind);
    const version = (existing?.version ?? 0) + 1;
    const revision = revisionFor(existing, rec.asked);
    const canvasId = rec.target === "canvas" ? rec.targetId : (rec.canvasId ?? existing?.canvasId ?? null);
    // What is known of a canvas (its access, its link) belongs to that canvas, not to the next one.
    const sameCanvas = canvasId !== null && canvasId === existing?.canvasId;
    const canvasFacts = {
      canvasAccess: sameCanvas ? (existing?.canvasAccess ?? null) : null,
      canvasPermalink: (sameCanvas ? existing?.canvasPermalink : null) ?? rec.canvasPermalink ?? null,
    };
    tx.insert(documents)
      .values({
        projectId: rec.projectId,
        kind: rec.kind,
        canvasId,
        version,
        revision,
        contentHash: rec.contentHash,
        updatedAt: rec.at,
        ...canvasFacts,
      })
      .onConflictDoUpdate({
        target: [documents.projectId, documents.kind],
        set: { canvasId, version, revision, contentHash: rec.contentHash, updatedAt: rec.at, ...canvasFacts },
      })
      .run();
    tx.insert(publications)
      .values({
        projectId: rec.projectId,
        kind: rec.kind,
        version,
        target: rec.target,
        targetId: rec.targetId,
        contentHash: rec.contentHash,
        publishedBy: rec.actorId,
        publishedAt: rec.at,
      })
      .run();
    recordAudit(tx, {
      projectId: rec.projectId,
      actorId: rec.actorId,
      action: "document.published",
      details: {
        document: rec.kind,
        version,
        revision,
        target: rec.target,
        id: rec.targetId,
        hash: rec.contentHash,
      },
      at: rec.at,
    });
    // The plan's section 11 shows where a companion is (its canvas and link, or the file posted and when):
    // only a publish that changes that refreshes the plan; a canvas' routine refresh refreshes the board only.
    const placeChanged =
      !sameCanvas ||
      rec.target === "file" ||
      canvasFacts.canvasPermalink !== (existing?.canvasPermalink ?? null);
    recordChange(tx, placeChanged ? publishedChange(rec.kind) : "document-published", {
      projectId: rec.projectId,
      actorId: rec.actorId,
      at: rec.at,
      // Its refresh runs at once: there is no delay to set.
      timing: undefined,
    });
    return revision;
  });
}

/** Forgets a canvas Slack no longer has, so the next publish creates a new one. */
export function forgetCanvas(db: DbOrTx, projectId: number, kind: DocumentKind): void {
  db.update(documents)
    .set({ canvasId: null, contentHash: null, canvasAccess: null, canvasPermalink: null })
    .where(and(eq(documents.projectId, projectId), eq(documents.kind, kind)))
    .run();
}

const sameCanvasRow = (projectId: number, kind: DocumentKind, canvasId: string) =>
  and(eq(documents.projectId, projectId), eq(documents.kind, kind), eq(documents.canvasId, canvasId));

/**
 * Records whether the channel was made read-only on the document's canvas ("read") or Slack refused
 * ("refused"); only while that canvas is still the document's. True when it was recorded.
 */
export function recordCanvasAccess(
  db: Db,
  rec: { projectId: number; kind: DocumentKind; canvasId: string; access: CanvasAccessState },
): boolean {
  const { changes } = db
    .update(documents)
    .set({ canvasAccess: rec.access })
    .where(sameCanvasRow(rec.projectId, rec.kind, rec.canvasId))
    .run();
  return changes > 0;
}

/**
 * Keeps the canvas' link as Slack gave it, and asks for the status board (which shows the link) to be
 * refreshed, in one transaction.
 */
export function recordCanvasPermalink(
  db: Db,
  rec: {
    projectId: number;
    kind: DocumentKind;
    canvasId: string;
    permalink: string;
    actorId: string;
    at: Date;
  },
): void {
  db.transaction((tx) => {
    const { changes } = tx
      .update(documents)
      .set({ canvasPermalink: rec.permalink })
      .where(sameCanvasRow(rec.projectId, rec.kind, rec.canvasId))
      .run();
    if (changes === 0) return;
    recordChange(tx, publishedChange(rec.kind), {
      projectId: rec.projectId,
      actorId: rec.actorId,
      at: rec.at,
      timing: undefined,
    });
  });
}
