import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { findProjectByChannel } from "../../db/projects.js";
import type { AppDeps } from "../../deps.js";
import { readWholeNumber } from "../action-value.js";
import { loadHistoryPage } from "../commands/history.js";
import { ACTION } from "../ids.js";

/** "Newer" and "Older" under `/intplan history`: replace the page in place, for this channel's project only. */
export function registerHistoryPaging(app: App, deps: AppDeps): void {
  for (const actionId of [ACTION.historyNewer, ACTION.historyOlder]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const project = findProjectByChannel(deps.db, {
        teamId: body.team?.id ?? body.user.team_id ?? "",
        channelId: body.channel?.id ?? "",
      });
      if (!project) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: "This channel has no project any more.",
        });
        return;
      }
      const page = Math.max(1, readWholeNumber(action.value) ?? 1);
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...loadHistoryPage(deps.db, project, page),
      });
    });
  }
}
