import type { Db } from "../db/client.js";
import { homeFactsFor } from "../db/live-state.js";
import { listProjectChannels, listProjectsForHome } from "../db/project-store.js";
import type { CurrentPhase } from "../domain/phase-rules.js";
import type { ChannelAccess } from "./channel-access.js";

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
  /**
   * False when Slack could not say just now which private or shared channels the viewer is in: the page then
   * lists the public projects and those the viewer was recently shown to be a member of, and says so.
   */
  complete: boolean;
}

export interface HomeDeps {
  db: Db;
  /** Who may see which channel's project (projects in private and shared channels are for their members). */
  channelAccess: ChannelAccess;
}

/**
 * One page of App Home: the workspace's projects the viewer may see (every project in a public channel,
 * and those in private or shared channels the viewer is a member of), the viewer's own first, then most
 * recently active, each with its live figures. `pageSize` is the view's (what fits in one Home tab); `facts`
 * lets a benchmark measure the listing apart from the per-project lookups.
 */
export async function loadHomePage(
  deps: HomeDeps,
  args: { teamId: string; userId: string; page: number; pageSize: number; facts?: HomeFacts },
): Promise<HomePage> {
  const facts = args.facts ?? ((projectId: number) => homeFactsFor(deps.db, projectId));
  const listed = listProjectChannels(deps.db, args.teamId);
  const access = await deps.channelAccess.visibleTo({
    teamId: args.teamId,
    userId: args.userId,
    channelIds: listed.channelIds,
  });
  const hidden = listed.channelIds.filter((id) => !access.visible.has(id));
  // One project per channel: as many projects as channels of theirs the viewer may see.
  const total = listed.channelIds.length - hidden.length;
  const rows = listProjectsForHome(deps.db, {
    teamId: args.teamId,
    userId: args.userId,
    listed,
    hidden,
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
  return { projects, page: args.page, total, pageSize: args.pageSize, complete: access.complete };
}
