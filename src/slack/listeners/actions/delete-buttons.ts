import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { deleteProjectHere } from "../../../services/projects-service.js";
import { readWholeNumber } from "../../action-value.js";
import { ACTION } from "../../ids.js";
import { postToChannel } from "../../post.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { buildNotAllowedToDelete, describeDeletion } from "../../views/delete-project-messages.js";
import { escapeMrkdwn } from "../../views/mrkdwn.js";
import { plainMessage } from "../../views/plain-message.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** The confirmation buttons of `/intplan delete`. */
export function registerDeleteButtons(listeners: Listeners, deps: AppDeps): void {
  listeners.action<BlockAction<ButtonAction>>(ACTION.cancelDelete, async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "Nothing was deleted." });
  });

  listeners.action<BlockAction<ButtonAction>>(
    ACTION.deleteProject,
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const outcome = deleteProjectHere(deps, {
        place: placeOf(body),
        projectId: readWholeNumber(action.value),
        userId: body.user.id,
      });
      if (outcome.kind === "not-here") {
        await respond({
          replace_original: true,
          text: "That project no longer exists here; nothing was deleted.",
        });
        return;
      }
      const { project } = outcome;
      if (outcome.kind === "not-allowed") {
        await respond({ replace_original: false, text: buildNotAllowedToDelete(project) });
        return;
      }
      if (outcome.kind === "already-deleted") {
        await respond({ replace_original: true, text: "That project was already deleted." });
        return;
      }
      deps.logger.info(`Project ${project.id} (${project.code}) deleted at the request of ${body.user.id}.`);
      // The rows are gone; the canvases are Slack's to delete. One already gone counts as deleted.
      let canvasesLeft = 0;
      for (const canvasId of outcome.removed.canvasIds) {
        try {
          await client.canvases.delete({ canvas_id: canvasId });
        } catch (error) {
          if (slackErrorCode(error) !== "canvas_not_found") canvasesLeft++;
        }
      }
      await respond({
        replace_original: true,
        text: describeDeletion(project, outcome.removed, canvasesLeft),
      });
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
