import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { projectVersions, uploadVersion } from "../../../services/document-versions.js";
import { findProjectHere } from "../../../services/projects-service.js";
import { readWholeNumber } from "../../action-value.js";
import { UPLOAD_VERSION_ACTION } from "../../ids.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { slackVersionUploader } from "../../version-uploader.js";
import { buildVersionsList, versionNotUploadedMessage } from "../../views/version-messages.js";
import { placeOf, tellNotHere } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/**
 * "Upload again" beside a version whose files Slack did not take: uploads them (once, however many press it)
 * and shows the list again with the version's link; a second failure says so, as the first did.
 */
export function registerVersionUploadButton(listeners: Listeners, deps: AppDeps): void {
  listeners.action<BlockAction<ButtonAction>>(
    UPLOAD_VERSION_ACTION.matcher,
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const project = findProjectHere(deps, placeOf(body));
      if (!project) {
        await tellNotHere(respond);
        return;
      }
      const outcome = await uploadVersion(deps, slackVersionUploader(client, deps.logger), {
        project,
        versionId: readWholeNumber(action.value) ?? 0,
        actorId: body.user.id,
      });
      if (outcome.status === "not-found") {
        await tellNotHere(respond, "That version is not one of this channel's project.");
        return;
      }
      if (outcome.status === "failed") {
        const code = slackErrorCode(outcome.error);
        deps.logger.warn(
          `Upload of version ${outcome.version.id} failed again (${code ?? "network"}):`,
          outcome.error,
        );
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          ...versionNotUploadedMessage(outcome.version, code),
        });
        return;
      }
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...buildVersionsList(projectVersions(deps, project)),
      });
    },
  );
}
