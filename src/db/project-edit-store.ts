import { eq } from "drizzle-orm";
import type { IntegrationType, IntegrationTypeSource } from "../domain/integration-type.js";
import type { BasicsChange, ProjectBasics } from "../domain/project-edit.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { type ProjectRow, projects } from "./schema.js";

export interface ProjectBasicsUpdate extends ChangeStamp {
  basics: ProjectBasics;
  /** The types as resolved (chosen, or detected), the primary first. */
  types: { types: IntegrationType[]; source: IntegrationTypeSource };
  changes: BasicsChange[];
}

/**
 * Brings the checklist's type-specific tasks in line with the project's types.
 * TODO(integrator): call h-scope's `syncTypeTasks(tx, projectId, types, actorId, at)` here; until then the
 * checklist keeps the tasks of the type the project was created with.
 */
function alignChecklistWithTypes(
  _tx: DbOrTx,
  _update: ProjectBasicsUpdate & { previousTypes: readonly IntegrationType[] },
): void {}

/**
 * Saves an edit of a project's basics in one transaction: the row, one audit row listing each change (as it
 * was → as it is now), the checklist's type tasks, and the refresh of both documents and the board.
 */
export function updateProjectBasics(db: Db, update: ProjectBasicsUpdate): ProjectRow {
  return db.transaction((tx) => {
    const previous = tx.select().from(projects).where(eq(projects.id, update.projectId)).get();
    const { integrationTypes: _chosen, ...fields } = update.basics;
    const project = tx
      .update(projects)
      .set({
        ...fields,
        integrationType: update.types.types[0] ?? "other",
        integrationTypes: update.types.types,
        integrationTypeSource: update.types.source,
        updatedAt: update.at,
      })
      .where(eq(projects.id, update.projectId))
      .returning()
      .get();
    if (!project) throw new Error(`Project ${update.projectId} is gone.`);
    recordAudit(tx, {
      projectId: update.projectId,
      actorId: update.actorId,
      action: "project.edited",
      details: { changes: update.changes },
      at: update.at,
    });
    alignChecklistWithTypes(tx, { ...update, previousTypes: previous?.integrationTypes ?? [] });
    recordChange(tx, "project-basics", update);
    return project;
  });
}
