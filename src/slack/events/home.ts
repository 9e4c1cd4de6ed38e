import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { homeFactsFor } from "../../db/live-state.js";
import { listProjectsForHome } from "../../db/projects.js";
import type { AppDeps } from "../../deps.js";
import type { CurrentPhase } from "../../domain/phase-rules.js";
import { readWholeNumber } from "../action-value.js";
import { ACTION } from "../ids.js";
import { buildHomeView, HOME_PAGE_SIZE, type HomeProject } from "../views/home.js";

/** Looks up live figures per project (current phase, open blockers). */
export type HomeFacts = (projectId: number) => { currentPhase: CurrentPhase; openBlockers: number };

export async function publishHome(
  client: WebClient,
  deps: AppDeps,
  args: { teamId: string; userId: string; page: number; facts?: HomeFacts },
): Promise<void> {
  const facts = args.facts ?? ((projectId: number) => homeFactsFor(deps.db, projectId));
  const { rows, total } = listProjectsForHome(deps.db, {
    teamId: args.teamId,
    userId: args.userId,
    limit: HOME_PAGE_SIZE,
    offset: args.page * HOME_PAGE_SIZE,
  });
  const projects: HomeProject[] = rows.map(({ project, mine }) => ({
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
  await client.views.publish({
    user_id: args.userId,
    view: buildHomeView({ projects, page: args.page, total, pageSize: HOME_PAGE_SIZE }),
  });
}

/** The Home tab, on opening and when paging. */
export function registerHome(app: App, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    await publishHome(client, deps, { teamId: body.team_id, userId: event.user, page: 0 });
  });
  // Previous and Next need their own action ids (unique within their block); both carry the page to show.
  for (const actionId of [ACTION.homePage, ACTION.homePreviousPage]) {
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const page = readWholeNumber((action as { value?: string }).value) ?? 0;
      const teamId = body.team?.id ?? body.user.team_id ?? "";
      await publishHome(client, deps, { teamId, userId: body.user.id, page });
    });
  }
}
