import { freezeDocument, uploadVersion } from "../../../services/document-versions.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { slackVersionUploader } from "../../version-uploader.js";
import { versionNotUploadedMessage } from "../../views/version-messages.js";
import { defineSubcommand } from "./define-subcommand.js";

/**
 * `/intplan freeze plan|discovery [label]`: the version is stored first (before the ack, so a database that
 * cannot take it says "not saved"), then its files go to the channel, and that message is the answer. Only
 * a failed upload is told privately, with how to get the files.
 */
export const freezeCommand = defineSubcommand({
  name: "freeze",
  needsProject: true,
  async handle({ project, command, ack, respond, client, body, deps }) {
    const version = await freezeDocument(deps, {
      project,
      kind: command.doc,
      label: command.label,
      actorId: body.user_id,
    });
    await ack();
    const outcome = await uploadVersion(deps, slackVersionUploader(client, deps.logger), {
      project,
      versionId: version.id,
    });
    if (outcome.status !== "failed") return;
    const code = slackErrorCode(outcome.error);
    deps.logger.warn(
      `Upload of ${command.doc} version ${version.number} failed (${code ?? "network"}):`,
      outcome.error,
    );
    await respond({ response_type: "ephemeral", ...versionNotUploadedMessage(version, code) });
  },
});
