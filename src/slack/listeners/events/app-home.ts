import { loadOwnProjectsDigest } from "../../../services/digest.js";
import { readWholeNumber } from "../../action-value.js";
import { publishHome } from "../../home-publisher.js";
import { ACTION } from "../../ids.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { buildOwnProjectsDigest } from "../../views/digest-view.js";
import type { ListenerDeps } from "../listener-deps.js";
import { workspaceOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/**
 * The Home tab, on opening and when paging. The paging buttons are actions, but they live here with the
 * event: both do one thing, publish a page of Home, with only the projects the person may see (a page number
 * from a button is just a page of that same listing, so paging can reveal nothing more). Home's "DM me a
 * digest of my projects" sends the person one DM about the projects they lead, manage or created (their
 * own: nothing Home would hide from them).
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
  app.action(ACTION.dmOwnDigest, async ({ ack, body, client }) => {
    await ack();
    const userId = body.user.id;
    const digest = await loadOwnProjectsDigest(deps, {
      teamId: workspaceOf(body),
      userId,
      now: deps.clock(),
    });
    try {
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) throw new Error("conversations.open gave no channel");
      await client.chat.postMessage({ channel, ...buildOwnProjectsDigest(digest) });
    } catch (error) {
      // Home has nowhere to answer: the person sees no DM and can press the button again.
      deps.logger.warn(`The digest DM to ${userId} was not sent (${slackErrorCode(error) ?? "network"})`);
    }
  });
}
