import { readWholeNumber } from "../../action-value.js";
import { publishHome } from "../../home-publisher.js";
import { ACTION } from "../../ids.js";
import type { ListenerDeps } from "../listener-deps.js";
import { workspaceOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/**
 * The Home tab, on opening and when paging. The paging buttons are actions, but they live here with the
 * event: both do one thing, publish a page of Home, with only the projects the person may see (a page number
 * from a button is just a page of that same listing, so paging can reveal nothing more).
 */
export function registerHome(app: Listeners, deps: ListenerDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    await publishHome(client, deps, { teamId: body.team_id, userId: event.user, page: 0 });
  });
  // Previous and Next need their own action ids (unique within their block); both carry the page to show.
  for (const actionId of [ACTION.homePage, ACTION.homePreviousPage]) {
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const page = readWholeNumber((action as { value?: string }).value) ?? 0;
      await publishHome(client, deps, { teamId: workspaceOf(body), userId: body.user.id, page });
    });
  }
}
