import { and, asc, eq, inArray } from "drizzle-orm";
import type { DocumentKind } from "../domain/document-kinds.js";
import { type ChangeStamp, type ProjectChange, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { touchProject } from "./project-store.js";
import { type SectionEditRow, sectionEdits } from "./schema.js";

/** A PM's own wording of document sections (`/intplan edit`): saved, reverted, listed. */

const changeOf = (kind: DocumentKind): ProjectChange => `${kind}-section-edit`;

const sameSection = (projectId: number, kind: DocumentKind, heading: string) =>
  and(eq(sectionEdits.projectId, projectId), eq(sectionEdits.kind, kind), eq(sectionEdits.heading, heading));

/** A document's section edits, oldest heading first (by when they were made). */
export function listSectionEdits(db: DbOrTx, projectId: number, kind: DocumentKind): SectionEditRow[] {
  return db
    .select()
    .from(sectionEdits)
    .where(and(eq(sectionEdits.projectId, projectId), eq(sectionEdits.kind, kind)))
    .orderBy(asc(sectionEdits.editedAt), asc(sectionEdits.heading))
    .all();
}

export interface SaveSectionEditCommand extends ChangeStamp {
  kind: DocumentKind;
  heading: string;
  body: string;
  /** The text the section showed before (for the audit log). */
  previous: string;
  /** `###` edits whose text is part of `body` now (a `##` section saved with them in it): removed. */
  folded: readonly string[];
}

/** Saves (or replaces) a section's text with its audit row, and asks for the document to be refreshed. */
export function saveSectionEdit(db: Db, cmd: SaveSectionEditCommand): SectionEditRow {
  return db.transaction((tx) => {
    const folded = cmd.folded.filter((h) => h !== cmd.heading);
    if (folded.length > 0) {
      tx.delete(sectionEdits)
        .where(
          and(
            eq(sectionEdits.projectId, cmd.projectId),
            eq(sectionEdits.kind, cmd.kind),
            inArray(sectionEdits.heading, folded),
          ),
        )
        .run();
    }
    const values = { body: cmd.body, editedBy: cmd.actorId, editedAt: cmd.at };
    const row = tx
      .insert(sectionEdits)
      .values({ projectId: cmd.projectId, kind: cmd.kind, heading: cmd.heading, ...values })
      .onConflictDoUpdate({
        target: [sectionEdits.projectId, sectionEdits.kind, sectionEdits.heading],
        set: values,
      })
      .returning()
      .get();
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "section.edited",
      details: {
        document: cmd.kind,
        heading: cmd.heading,
        previous: cmd.previous,
        text: cmd.body,
        ...(folded.length > 0 ? { folded } : {}),
      },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, changeOf(cmd.kind), cmd);
    return row;
  });
}

export interface RevertSectionEditCommand extends ChangeStamp {
  kind: DocumentKind;
  heading: string;
  /** Whether the section was missing from the document (an orphaned edit, deleted). */
  orphaned: boolean;
}

/**
 * Removes a section's edit, so the generated text shows again, with its audit row (which keeps the removed
 * text). Undefined when the section had no edit (someone reverted it already): nothing is written.
 */
export function revertSectionEdit(db: Db, cmd: RevertSectionEditCommand): SectionEditRow | undefined {
  return db.transaction((tx) => {
    const removed = tx
      .delete(sectionEdits)
      .where(sameSection(cmd.projectId, cmd.kind, cmd.heading))
      .returning()
      .get();
    if (!removed) return undefined;
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "section.reverted",
      details: { document: cmd.kind, heading: cmd.heading, text: removed.body, orphaned: cmd.orphaned },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, changeOf(cmd.kind), cmd);
    return removed;
  });
}
