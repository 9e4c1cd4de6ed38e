import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { openChecklist } from "../../../services/checklist-service.js";
import { readWholeNumber } from "../../action-value.js";
import { ACTION } from "../../ids.js";
import { buildChecklistModal } from "../../views/checklist-modal.js";
import { openModal } from "../open-modal.js";
import { placeOf, tellNotHere } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** The status board's "Tasks & exit criteria" button: opens the checklist of this channel's project. */
export function registerChecklistButton(listeners: Listeners, deps: AppDeps): void {
  listeners.action<BlockAction<ButtonAction>>(
    ACTION.openChecklist,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const outcome = openChecklist(deps, { place: placeOf(body), projectId: readWholeNumber(action.value) });
      if (outcome.kind === "not-here") {
        await tellNotHere(
          respond,
          "This status board belongs to a project that is not in this channel any more.",
        );
        return;
      }
      const { project, items } = outcome;
      await openModal(client, deps.logger, {
        triggerId: body.trigger_id,
        view: buildChecklistModal({ projectId: project.id, channelId: project.channelId, items }),
        what: "the checklist",
        retry: "Please press *Tasks & exit criteria* again.",
        respond,
      });
    },
  );
}
