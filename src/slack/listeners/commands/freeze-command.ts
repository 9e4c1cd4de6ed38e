import { freezeDocument, uploadVersion } from "../../../services/document-versions.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { slackVersionUploader } from "../../version-uploader.js";
import { namesUnavailableMessage, versionNotUploadedMessage } from "../../views/version-messages.js";
import { defineSubcommand } from "./define-subcommand.js";

/**
 * `/intplan freeze <document> [label]`: acked at once, then the version is stored (rendered with people's
 * names from Slack; when Slack cannot name someone just now, nothing is frozen and the person is told), then
 * its files go to the channel, and that message is the answer. Only a failed upload or a refusal is told
 * privately.
 */
export const freezeCommand = defineSubcommand({
  name: "freeze",
  needsProject: true,
  async handle({ project, command, ack, respond, client, body, deps }) {
    // Acked first: the names come from Slack (users.info, cached), which must not hold the 3-second ack.
    await ack();
    const frozen = await freezeDocument(deps, {
      project,
      kind: command.doc,
      label: command.label,
      actorId: body.user_id,
    });
    if (frozen.status === "names-unavailable") {
      await respond({ response_type: "ephemeral", ...namesUnavailableMessage(command.doc, frozen.unnamed) });
      return;
    }
    const { version } = frozen;
    const outcome = await uploadVersion(deps, slackVersionUploader(client, deps.logger), {
      project,
      versionId: version.id,
      actorId: body.user_id,
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
