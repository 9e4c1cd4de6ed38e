import { eq } from "drizzle-orm";
import type { IntegrationType, IntegrationTypeSource } from "../domain/integration-type.js";
import type { BasicsChange, ProjectBasics } from "../domain/project-edit.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import { syncTypeTasks } from "./checklist-store.js";
import type { Db } from "./client.js";
import { type ProjectRow, projects } from "./schema.js";

export interface ProjectBasicsUpdate extends ChangeStamp {
  basics: ProjectBasics;
  /** The types as resolved (chosen, or detected), the primary first. */
  types: { types: IntegrationType[]; source: IntegrationTypeSource };
  changes: BasicsChange[];
}

/**
 * Saves an edit of a project's basics in one transaction: the row, one audit row listing each change (as it
 * was → as it is now), the checklist's type tasks, and the refresh of both documents and the board.
 */
export function updateProjectBasics(db: Db, update: ProjectBasicsUpdate): ProjectRow {
  return db.transaction((tx) => {
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
    // The type-specific tasks follow the types: a new type's as suggestions, a dropped type's untouched ones go.
    syncTypeTasks(tx, update.projectId, update.types.types, update.actorId, update.at);
    recordChange(tx, "project-basics", update);
    return project;
  });
}
