import type { WebClient } from "@slack/web-api";
import { type HomeDeps, type HomeFacts, loadHomePage } from "../services/home-projects.js";
import { buildHomeView, HOME_PAGE_SIZE } from "./views/home-view.js";

/**
 * Publishes a page of App Home to one person (on opening the tab, and when paging): only the projects that
 * person may see (HomeDeps.channelAccess decides, from Slack's answers).
 */
export async function publishHome(
  client: WebClient,
  deps: HomeDeps,
  args: { teamId: string; userId: string; page: number; facts?: HomeFacts },
): Promise<void> {
  const page = await loadHomePage(deps, { ...args, pageSize: HOME_PAGE_SIZE });
  await client.views.publish({ user_id: args.userId, view: buildHomeView(page) });
}
