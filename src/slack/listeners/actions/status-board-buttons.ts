import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { checklistForBoardButton } from "../../../services/status-board-state.js";
import { ACTION } from "../../ids.js";
import { buildChecklistModal } from "../../views/checklist-modal.js";

/** The status board's "Tasks & exit criteria" button: opens the checklist of this channel's project. */
export function registerStatusBoardActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTION.openChecklist,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const found = checklistForBoardButton(deps, {
        teamId: body.team?.id ?? body.user.team_id ?? "",
        channelId: body.channel?.id ?? "",
        projectIdValue: action.value,
      });
      if (!found) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: "This status board belongs to a project that is not in this channel any more.",
        });
        return;
      }
      const view = buildChecklistModal({
        projectId: found.project.id,
        channelId: found.project.channelId,
        items: found.items,
      });
      await client.views.open({ trigger_id: body.trigger_id, view });
    },
  );
}
