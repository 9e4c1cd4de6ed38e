import type { Db } from "../db/client.js";
import { homeFactsFor } from "../db/live-state.js";
import { listProjectsForHome } from "../db/project-store.js";
import type { CurrentPhase } from "../domain/phase-rules.js";

/** Looks up live figures per project (current phase, open blockers). */
export type HomeFacts = (projectId: number) => { currentPhase: CurrentPhase; openBlockers: number };

interface HomeProjectLine {
  id: number;
  code: string;
  name: string;
  clientName: string;
  channelId: string;
  integrationType: string;
  currentPhase: CurrentPhase;
  openBlockers: number;
  lastActivity: Date;
  /** The viewer leads or manages it. */
  mine: boolean;
}

export interface HomePage {
  projects: HomeProjectLine[];
  /** Zero-based page. */
  page: number;
  total: number;
  pageSize: number;
}

/**
 * One page of App Home: the workspace's projects, the viewer's own first, then most recently active, each
 * with its live figures. `pageSize` is the view's (what fits in one Home tab); `facts` lets a benchmark
 * measure the listing apart from the per-project lookups.
 */
export interface HomeDeps {
  db: Db;
}

export function loadHomePage(
  deps: HomeDeps,
  args: { teamId: string; userId: string; page: number; pageSize: number; facts?: HomeFacts },
): HomePage {
  const facts = args.facts ?? ((projectId: number) => homeFactsFor(deps.db, projectId));
  const { rows, total } = listProjectsForHome(deps.db, {
    teamId: args.teamId,
    userId: args.userId,
    limit: args.pageSize,
    offset: args.page * args.pageSize,
  });
  const projects = rows.map(({ project, mine }) => ({
    id: project.id,
    code: project.code,
    name: project.name,
    clientName: project.clientName,
    channelId: project.channelId,
    integrationType: project.integrationType,
    lastActivity: project.updatedAt,
    mine,
    ...facts(project.id),
  }));
  return { projects, page: args.page, total, pageSize: args.pageSize };
}
