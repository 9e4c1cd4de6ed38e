import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { deleteProject } from "../../db/delete-project.js";
import { findProjectById } from "../../db/projects.js";
import type { AppDeps } from "../../deps.js";
import { readWholeNumber } from "../action-value.js";
import { mayDelete } from "../commands/delete.js";
import { ACTION } from "../ids.js";
import { postToChannel } from "../post.js";
import { slackErrorCode } from "../slack-error-code.js";
import { buildNotAllowedToDelete, describeDeletion } from "../views/delete-project.js";
import { escapeMrkdwn } from "../views/mrkdwn.js";
import { plainMessage } from "../views/plain-message.js";

/** The confirmation buttons of `/intplan delete`. */
export function registerDeleteProjectActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.cancelDelete, async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "Nothing was deleted." });
  });

  app.action<BlockAction<ButtonAction>>(
    ACTION.deleteProject,
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const teamId = body.team?.id ?? body.user.team_id ?? "";
      const project = findProjectById(deps.db, teamId, readWholeNumber(action.value) ?? 0);
      if (!project || (body.channel?.id && body.channel.id !== project.channelId)) {
        await respond({
          replace_original: true,
          text: "That project no longer exists here; nothing was deleted.",
        });
        return;
      }
      if (!mayDelete(project, body.user.id)) {
        await respond({ replace_original: false, text: buildNotAllowedToDelete(project) });
        return;
      }
      const removed = deleteProject(deps.db, project.id);
      if (!removed) {
        await respond({ replace_original: true, text: "That project was already deleted." });
        return;
      }
      deps.logger.info(`Project ${project.id} (${project.code}) deleted at the request of ${body.user.id}.`);
      let canvasesLeft = 0;
      for (const canvasId of removed.canvasIds) {
        try {
          await client.canvases.delete({ canvas_id: canvasId });
        } catch (error) {
          if (slackErrorCode(error) !== "canvas_not_found") canvasesLeft++;
        }
      }
      await respond({ replace_original: true, text: describeDeletion(project, removed, canvasesLeft) });
      await postToChannel(client, deps.logger, {
        channelId: project.channelId,
        userId: body.user.id,
        respond,
        content: plainMessage(
          `<@${body.user.id}> deleted the integration project *${escapeMrkdwn(project.name)}* (${project.code}) and its data from intplan.`,
        ),
      });
    },
  );
}
