import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { findProjectHere } from "../../../services/projects-service.js";
import { readWholeNumber } from "../../action-value.js";
import { ACTION } from "../../ids.js";
import { historyMessage } from "../history-message.js";
import { placeOf, tellNotHere } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** "Newer" and "Older" under `/intplan history`: replace the page in place, for this channel's project only. */
export function registerHistoryPaging(listeners: Listeners, deps: AppDeps): void {
  for (const actionId of [ACTION.historyNewer, ACTION.historyOlder]) {
    listeners.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const project = findProjectHere(deps, placeOf(body));
      if (!project) {
        await tellNotHere(respond, "This channel has no project any more.");
        return;
      }
      const page = Math.max(1, readWholeNumber(action.value) ?? 1);
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...historyMessage(deps, project, page),
      });
    });
  }
}
