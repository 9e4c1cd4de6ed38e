import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { isDocumentKind } from "../../../domain/document-kinds.js";
import { documentSuite } from "../../../services/document-suite.js";
import { findProjectHere } from "../../../services/projects-service.js";
import { readWholeNumber } from "../../action-value.js";
import { DOCUMENT_SUITE_ACTION } from "../../ids.js";
import { buildDocumentSuiteMessage } from "../../views/document-suite-view.js";
import { exportForPerson, publishForPerson } from "../document-delivery.js";
import { placeOf, tellNotHere } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** Which button of `/intplan docs` was pressed, read from its action id; undefined for one no list has any more. */
function pressed(actionId: string) {
  for (const verb of ["publish", "export"] as const) {
    const prefix =
      verb === "publish" ? DOCUMENT_SUITE_ACTION.publishPrefix : DOCUMENT_SUITE_ACTION.exportPrefix;
    const kind = actionId.startsWith(prefix) ? actionId.slice(prefix.length) : "";
    if (isDocumentKind(kind)) return { verb, kind };
  }
  return undefined;
}

/**
 * Publish and Export beside each document of `/intplan docs`: what `/intplan publish <document>` and
 * `/intplan export <document>` do, acked at once and answered the same one way (../document-delivery.ts). A
 * publish that changed the document also brings the list up to date in place; a button of another channel's project, or of one deleted
 * since, is answered and does nothing.
 */
export function registerDocumentSuiteButtons(listeners: Listeners, deps: AppDeps): void {
  listeners.action<BlockAction<ButtonAction>>(
    DOCUMENT_SUITE_ACTION.matcher,
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const button = pressed(action.action_id);
      if (!button) {
        await tellNotHere(
          respond,
          "That button is from an older list: run `/intplan docs` for the current one.",
        );
        return;
      }
      const project = findProjectHere(deps, placeOf(body), readWholeNumber(action.value) ?? 0);
      if (!project) {
        await tellNotHere(
          respond,
          "That list belongs to a project that is not in this channel any more: nothing was done.",
        );
        return;
      }
      const asked = { project, kind: button.kind, userId: body.user.id, respond };
      if (button.verb === "export") {
        await exportForPerson(client, deps, asked);
        return;
      }
      // Only a publish that changed something refreshes the list; "already up to date" is the one reply.
      if ((await publishForPerson(client, deps, asked)) !== "published") return;
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...buildDocumentSuiteMessage(await documentSuite(deps, project)),
      });
    },
  );
}
