import { and, desc, eq, lte, or, sql } from "drizzle-orm";
import { type IntegrationType, isIntegrationType } from "../domain/integration-type.js";
import { checklistFor, PHASES } from "../domain/phases.js";
import { formatProjectCode, type NewProjectInput } from "../domain/project.js";
import { enqueueJob } from "../outbox/queue.js";
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
  /** The primary type, who picked it, and every type when there are several (the primary first). */
  integrationType: { type: IntegrationType; source: "auto" | "chosen"; types?: readonly IntegrationType[] };
  /** The questionnaire version the project is interviewed with, for good. */
  questionnaireVersion: number;
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
        integrationTypes: typesOf(cmd.integrationType),
        integrationTypeSource: cmd.integrationType.source,
        questionnaireVersion: cmd.questionnaireVersion,
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
    // The project's recurring reminders job (nudges, go-live notices, the weekly digest): it plans itself.
    enqueueJob(tx, {
      projectId: project.id,
      job: "reminders",
      actorId: cmd.actorId,
      runAfter: cmd.at,
      now: cmd.at,
    });
    return { created: true as const, project };
  });
}

const typesOf = (chosen: CreateProjectCommand["integrationType"]): IntegrationType[] => [
  ...new Set([chosen.type, ...(chosen.types ?? [])]),
];

/** The five phases and their checklist, as the plan lays them out for this project's types. */
function seedPhases(tx: DbOrTx, project: ProjectRow, at: Date): void {
  tx.insert(phases)
    .values(PHASES.map((p) => ({ projectId: project.id, number: p.number, updatedAt: at })))
    .run();
  const types = project.integrationTypes.filter(isIntegrationType);
  tx.insert(checklistItems)
    .values(checklistFor(types, project).map((item) => ({ ...item, projectId: project.id })))
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
/**
 * Home's queries, prepared once per connection (a workspace of 10,000 projects runs them on every Home page):
 * the workspace's projects by channel, and a page of them leaving out those in channels the viewer may not
 * see. Those channels go in as one JSON parameter (`json_each`), so a workspace of any size stays far from
 * SQLite's limit on parameters; usually they are few (private channels the viewer is not in), which keeps the
 * page as quick as a page of everything.
 */
const homeQueries = perDatabase((db) => {
  const userId = sql.placeholder("userId");
  const mine = sql<number>`(${projects.leadEngineerId} = ${userId} or ${projects.projectManagerId} = ${userId})`;
  return {
    channels: db
      .select({ id: projects.id, channelId: projects.channelId })
      .from(projects)
      .where(eq(projects.teamId, sql.placeholder("teamId")))
      .prepare(),
    page: db
      .select({ project: projects, mine })
      .from(projects)
      .where(
        and(
          eq(projects.teamId, sql.placeholder("teamId")),
          lte(projects.id, sql.placeholder("upToId")),
          sql`${projects.channelId} not in (select value from json_each(${sql.placeholder("hidden")}))`,
        ),
      )
      .orderBy(desc(mine), desc(projects.updatedAt), desc(projects.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(),
  };
});

/** The workspace's projects as they are now, by channel: whose channels to ask about, before listing them. */
export interface ProjectChannels {
  channelIds: string[];
  /** The newest project's id: a project created after this listing is not in it (ids are never reused). */
  upToId: number;
}

/** The channels of a workspace's projects (one project per channel), for deciding who may see which. */
export function listProjectChannels(db: DbOrTx, teamId: string): ProjectChannels {
  const rows = homeQueries(db).channels.all({ teamId });
  let upToId = 0;
  for (const row of rows) upToId = Math.max(upToId, row.id);
  return { channelIds: rows.map((row) => row.channelId), upToId };
}

/**
 * One page of the projects of `listed` (listProjectChannels) but those in the channels `hidden`, the viewer's
 * own first, then the most recently active. Only projects of that listing: one created since, in a channel
 * nobody has asked about yet, is not shown (AUTOINCREMENT ids are never reused, a project never changes
 * channel).
 */
export function listProjectsForHome(
  db: DbOrTx,
  args: {
    teamId: string;
    userId: string;
    listed: ProjectChannels;
    hidden: readonly string[];
    limit: number;
    offset: number;
  },
): HomeProjectRow[] {
  const rows = homeQueries(db).page.all({
    teamId: args.teamId,
    upToId: args.listed.upToId,
    hidden: JSON.stringify(args.hidden),
    userId: args.userId,
    limit: args.limit,
    offset: args.offset,
  });
  return rows.map((r) => ({ project: r.project, mine: Boolean(r.mine) }));
}

/** For background work that starts from a project id alone (the outbox). */
export function findProjectByIdAnyTeam(db: DbOrTx, id: number): ProjectRow | undefined {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}

/**
 * A person's own projects in a workspace (they lead, manage or created them), most recently active first, at
 * most `limit`, and how many there are in all.
 */
export function listOwnProjects(
  db: DbOrTx,
  args: { teamId: string; userId: string; limit: number },
): { projects: ProjectRow[]; total: number } {
  const own = and(
    eq(projects.teamId, args.teamId),
    or(
      eq(projects.leadEngineerId, args.userId),
      eq(projects.projectManagerId, args.userId),
      eq(projects.createdBy, args.userId),
    ),
  );
  const rows = db
    .select()
    .from(projects)
    .where(own)
    .orderBy(desc(projects.updatedAt), desc(projects.id))
    .limit(args.limit)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(projects).where(own).get()?.n ?? 0;
  return { projects: rows, total };
}
