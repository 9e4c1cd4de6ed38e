import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { moveToLatestQuestionnaire } from "../../../services/questionnaire-service.js";
import { readWholeNumber } from "../../action-value.js";
import { ACTION } from "../../ids.js";
import { describeQuestionnaireMove } from "../../views/questionnaire-messages.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** The buttons of `/intplan questionnaire`: move the project to the latest version (confirmed), or not. */
export function registerQuestionnaireButtons(listeners: Listeners, deps: AppDeps): void {
  listeners.action<BlockAction<ButtonAction>>(ACTION.cancelQuestionnaireMove, async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "The project keeps its questionnaire version." });
  });

  listeners.action<BlockAction<ButtonAction>>(
    ACTION.moveQuestionnaire,
    async ({ ack, body, action, respond }) => {
      await ack();
      const outcome = moveToLatestQuestionnaire(deps, {
        place: placeOf(body),
        projectId: readWholeNumber(action.value),
        userId: body.user.id,
      });
      if (outcome.kind === "not-here") {
        await respond({
          replace_original: true,
          text: "That project no longer exists here; nothing was moved.",
        });
        return;
      }
      if (outcome.kind === "already-latest") {
        await respond({
          replace_original: true,
          text: `The project already uses questionnaire version ${outcome.version}; nothing was moved.`,
        });
        return;
      }
      deps.logger.info(
        `Project ${outcome.project.id} moved from questionnaire version ${outcome.from} to ${outcome.to} by ${body.user.id}.`,
      );
      await respond({ replace_original: true, text: describeQuestionnaireMove(outcome) });
    },
  );
}
