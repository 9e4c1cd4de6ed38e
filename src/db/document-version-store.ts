import { and, count, desc, eq, isNull, max } from "drizzle-orm";
import { type DocumentKind, isCompanionKind } from "../domain/document-kinds.js";
import { publishedChange, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { countRevision } from "./document-store.js";
import { type DocumentVersionRow, documentVersions } from "./schema.js";

/**
 * Frozen versions of a document: numbered 1, 2, 3… per project and document, never changed once written,
 * except for the ids and link of the files Slack was given for them (recorded after the upload).
 */

export interface NewVersion {
  projectId: number;
  kind: DocumentKind;
  label: string | null;
  markdown: string;
  actorId: string;
  at: Date;
  /**
   * The freeze changed the document from what was last published: it counts as a revision (Document
   * Control's version), and the board, which shows it, is refreshed.
   */
  countsAsRevision?: boolean;
}

/** Stores the next version of a document with its audit row, in one transaction; returns it. */
export function createVersion(db: Db, version: NewVersion): DocumentVersionRow {
  return db.transaction((tx) => {
    const last = tx
      .select({ number: max(documentVersions.number) })
      .from(documentVersions)
      .where(and(eq(documentVersions.projectId, version.projectId), eq(documentVersions.kind, version.kind)))
      .get();
    const number = (last?.number ?? 0) + 1;
    const row = tx
      .insert(documentVersions)
      .values({
        projectId: version.projectId,
        kind: version.kind,
        number,
        label: version.label,
        markdown: version.markdown,
        frozenBy: version.actorId,
        frozenAt: version.at,
      })
      .returning()
      .get();
    if (version.countsAsRevision) {
      countRevision(tx, version.projectId, version.kind);
      const stamp = { projectId: version.projectId, actorId: version.actorId, at: version.at };
      recordChange(tx, publishedChange(version.kind), { ...stamp, timing: undefined });
    }
    recordAudit(tx, {
      projectId: version.projectId,
      actorId: version.actorId,
      action: "document.frozen",
      details: { document: version.kind, number, label: version.label },
      at: version.at,
    });
    return row;
  });
}

export interface VersionFiles {
  /** null when the version has no Word file (too long to write one): the Markdown holds it. */
  docxFileId: string | null;
  markdownFileId: string;
  permalink: string | null;
}

/**
 * Records the files Slack has for a version; only a version without files yet takes them, so two uploads
 * racing record the first. A companion document's version is then its latest file, which the plan's
 * section 11 links: the plan is refreshed (an automatic refresh; the freeze counted any revision already).
 * Returns the version as stored afterwards.
 */
export function recordVersionFiles(
  db: Db,
  versionId: number,
  files: VersionFiles,
  stamp: { actorId: string; at: Date },
): DocumentVersionRow | undefined {
  return db.transaction((tx) => {
    const { changes } = tx
      .update(documentVersions)
      .set(files)
      .where(and(eq(documentVersions.id, versionId), isNull(documentVersions.markdownFileId)))
      .run();
    const row = tx.select().from(documentVersions).where(eq(documentVersions.id, versionId)).get();
    if (changes > 0 && row && isCompanionKind(row.kind)) {
      recordChange(tx, publishedChange(row.kind), { projectId: row.projectId, ...stamp, timing: undefined });
    }
    return row;
  });
}

/** A project's version by its row id (what a button carries); undefined when it is another project's. */
export function findVersion(
  db: DbOrTx,
  projectId: number,
  versionId: number,
): DocumentVersionRow | undefined {
  return db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.id, versionId), eq(documentVersions.projectId, projectId)))
    .get();
}

/** The most recent `limit` versions of a project's documents, newest first, and how many there are. */
export function listVersions(
  db: DbOrTx,
  projectId: number,
  limit: number,
): { versions: DocumentVersionRow[]; total: number } {
  const versions = db
    .select()
    .from(documentVersions)
    .where(eq(documentVersions.projectId, projectId))
    .orderBy(desc(documentVersions.frozenAt), desc(documentVersions.id))
    .limit(limit)
    .all();
  const total =
    db.select({ n: count() }).from(documentVersions).where(eq(documentVersions.projectId, projectId)).get()
      ?.n ?? 0;
  return { versions, total };
}
