import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../../src/db/client.js";
import { createProject } from "../../src/db/project-store.js";
import type { ProjectRow } from "../../src/db/schema.js";
import { LATEST_QUESTIONNAIRE_VERSION } from "../../src/domain/questionnaire/definition.js";

/** A fresh database (real migrations) holding one project, for tests of phases, checklists and blockers. */
export interface ProjectDb {
  db: Db;
  /** The database file, for a second connection to it (another app process sharing the database). */
  path: string;
  project: ProjectRow;
  /** Another project in the same database: nothing done to `project` may touch it. */
  addProject(channelId: string, teamId?: string): ProjectRow;
  close(): void;
}

export const T0 = new Date("2026-11-22T10:00:00Z");

export function openProjectDb(
  options: {
    integrationType?: "accounting" | "pos" | "other";
    leadEngineerId?: string | null;
    projectManagerId?: string | null;
  } = {},
): ProjectDb {
  const dir = mkdtempSync(join(tmpdir(), "intplan-unit-"));
  const path = join(dir, "intplan.sqlite");
  const database = openDatabase(path);
  const addProject = (channelId: string, teamId = "T0TEAM"): ProjectRow => {
    const result = createProject(database.db, {
      teamId,
      channelId,
      input: {
        name: "Acme order sync",
        clientName: "Acme Outdoor Co.",
        systemA: "Shopify",
        systemB: "QuickBooks Online",
        integrationType: "auto",
        leadEngineerId: options.leadEngineerId === undefined ? "U0LEAD" : options.leadEngineerId,
        projectManagerId: options.projectManagerId === undefined ? "U0PM" : options.projectManagerId,
        targetGoLive: "2027-02-01",
        volumeEstimate: null,
        summary: null,
      },
      integrationType: { type: options.integrationType ?? "accounting", source: "chosen" },
      questionnaireVersion: LATEST_QUESTIONNAIRE_VERSION,
      actorId: "U0PM",
      at: T0,
    });
    if (!result.created) throw new Error(`Channel ${channelId} already has a project.`);
    return result.project;
  };
  return {
    db: database.db,
    path,
    project: addProject("C0PROJECT"),
    addProject,
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
