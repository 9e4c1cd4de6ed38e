import { count, eq } from "drizzle-orm";
import type { DeletionSummary } from "../domain/project-state.js";
import type { Db, DbOrTx } from "./client.js";
import {
  answers,
  auditLog,
  blockers,
  checklistItems,
  documents,
  documentVersions,
  projects,
  publications,
} from "./schema.js";

const countOf = (
  db: DbOrTx,
  table:
    | typeof answers
    | typeof blockers
    | typeof checklistItems
    | typeof auditLog
    | typeof publications
    | typeof documentVersions,
  projectId: number,
) => db.select({ n: count() }).from(table).where(eq(table.projectId, projectId)).get()?.n ?? 0;

/**
 * Removes a project and everything stored about it (answers, drafts, phases, checklists, blockers, status
 * board, documents, publications, frozen versions, history, pending jobs) in one transaction; says what was removed.
 */
export function deleteProject(db: Db, projectId: number): DeletionSummary | undefined {
  return db.transaction((tx) => {
    const exists = tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get();
    if (!exists) return undefined;
    const summary: DeletionSummary = {
      answers: countOf(tx, answers, projectId),
      blockers: countOf(tx, blockers, projectId),
      checklistItems: countOf(tx, checklistItems, projectId),
      historyEntries: countOf(tx, auditLog, projectId),
      publications: countOf(tx, publications, projectId),
      frozenVersions: countOf(tx, documentVersions, projectId),
      canvasIds: tx
        .select({ canvasId: documents.canvasId })
        .from(documents)
        .where(eq(documents.projectId, projectId))
        .all()
        .flatMap((d) => (d.canvasId ? [d.canvasId] : [])),
    };
    // Every other table references projects with ON DELETE CASCADE.
    tx.delete(projects).where(eq(projects.id, projectId)).run();
    return summary;
  });
}
