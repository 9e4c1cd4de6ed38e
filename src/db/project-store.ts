import { and, desc, eq, sql } from "drizzle-orm";
import { type IntegrationType, isIntegrationType } from "../domain/integration-type.js";
import { checklistFor, PHASES } from "../domain/phases.js";
import { formatProjectCode, type NewProjectInput } from "../domain/project.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { checklistItems, type ProjectRow, phases, projects } from "./schema.js";

export interface ChannelRef {
  teamId: string;
  channelId: string;
}

const lookups = perDatabase((db) => ({
  byChannel: db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.teamId, sql.placeholder("teamId")),
        eq(projects.channelId, sql.placeholder("channelId")),
      ),
    )
    .prepare(),
  byId: db
    .select()
    .from(projects)
    .where(and(eq(projects.teamId, sql.placeholder("teamId")), eq(projects.id, sql.placeholder("id"))))
    .prepare(),
}));

export function findProjectByChannel(db: DbOrTx, ref: ChannelRef): ProjectRow | undefined {
  return lookups(db).byChannel.get({ teamId: ref.teamId, channelId: ref.channelId });
}

export function findProjectById(db: DbOrTx, teamId: string, id: number): ProjectRow | undefined {
  return lookups(db).byId.get({ teamId, id });
}

export type CreateProjectResult =
  | { created: true; project: ProjectRow }
  | { created: false; existing: ProjectRow };

export interface CreateProjectCommand extends ChannelRef {
  input: NewProjectInput;
  integrationType: { type: IntegrationType; source: "auto" | "chosen" };
  actorId: string;
  at: Date;
}

/**
 * Binds a new project to a channel, with its workspace-unique code and an audit row, in one transaction.
 * A channel holds one project: when it already has one, nothing changes and that project is returned.
 */
export function createProject(db: Db, cmd: CreateProjectCommand): CreateProjectResult {
  return db.transaction((tx) => {
    const existing = findProjectByChannel(tx, cmd);
    if (existing) return { created: false as const, existing };
    const { count } = tx
      .select({ count: sql<number>`count(*)` })
      .from(projects)
      .where(eq(projects.teamId, cmd.teamId))
      .get() ?? { count: 0 };
    const { integrationType: _chosen, ...fields } = cmd.input;
    const project = tx
      .insert(projects)
      .values({
        ...fields,
        teamId: cmd.teamId,
        channelId: cmd.channelId,
        code: nextFreeCode(tx, cmd.teamId, count + 1),
        integrationType: cmd.integrationType.type,
        integrationTypeSource: cmd.integrationType.source,
        createdBy: cmd.actorId,
        createdAt: cmd.at,
        updatedAt: cmd.at,
      })
      .returning()
      .get();
    seedPhases(tx, project, cmd.at);
    recordAudit(tx, {
      projectId: project.id,
      actorId: cmd.actorId,
      action: "project.created",
      details: { code: project.code, name: project.name, integrationType: project.integrationType },
      at: cmd.at,
    });
    return { created: true as const, project };
  });
}

/** The five phases and their checklist, as the plan lays them out for this project's type. */
function seedPhases(tx: DbOrTx, project: ProjectRow, at: Date): void {
  tx.insert(phases)
    .values(PHASES.map((p) => ({ projectId: project.id, number: p.number, updatedAt: at })))
    .run();
  const type = isIntegrationType(project.integrationType) ? project.integrationType : "other";
  tx.insert(checklistItems)
    .values(checklistFor(type, project).map((item) => ({ ...item, projectId: project.id })))
    .run();
}

/** Codes stay unique even after deletions leave gaps in the count. */
function nextFreeCode(tx: DbOrTx, teamId: string, start: number): string {
  for (let n = start; ; n++) {
    const code = formatProjectCode(n);
    const taken = tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.teamId, teamId), eq(projects.code, code)))
      .get();
    if (!taken) return code;
  }
}

const touch = perDatabase((db) =>
  db
    .update(projects)
    .set({ updatedAt: sql`${sql.placeholder("at")}` })
    .where(eq(projects.id, sql.placeholder("projectId")))
    .prepare(),
);

/** Marks a project as active now (for "most recently active" ordering). */
export function touchProject(tx: DbOrTx, projectId: number, at: Date): void {
  touch(tx).run({ projectId, at: at.getTime() });
}

export interface HomeProjectRow {
  project: ProjectRow;
  mine: boolean;
}

/** A page of the workspace's projects: the user's own (lead or PM) first, then most recently active. */
export function listProjectsForHome(
  db: DbOrTx,
  args: { teamId: string; userId: string; limit: number; offset: number },
): { rows: HomeProjectRow[]; total: number } {
  const mine = sql<number>`(${projects.leadEngineerId} = ${args.userId} or ${projects.projectManagerId} = ${args.userId})`;
  const rows = db
    .select({ project: projects, mine })
    .from(projects)
    .where(eq(projects.teamId, args.teamId))
    .orderBy(desc(mine), desc(projects.updatedAt), desc(projects.id))
    .limit(args.limit)
    .offset(args.offset)
    .all();
  const { total } = db
    .select({ total: sql<number>`count(*)` })
    .from(projects)
    .where(eq(projects.teamId, args.teamId))
    .get() ?? { total: 0 };
  return { rows: rows.map((r) => ({ project: r.project, mine: Boolean(r.mine) })), total };
}

/** For background work that starts from a project id alone (the outbox). */
export function findProjectByIdAnyTeam(db: DbOrTx, id: number): ProjectRow | undefined {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}
