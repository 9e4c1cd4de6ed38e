import { buildExportFile, exportName } from "../../../services/document-export.js";
import { uploadFile } from "../../canvas-publisher.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { defineSubcommand } from "./define-subcommand.js";

/**
 * `/intplan export plan|discovery|answers`: always a file in the channel (answers as JSON). The file, with
 * its comment saying who exported it, is the answer: the ack is empty and nothing more comes privately
 * unless the upload fails (then that, once).
 */
export const exportCommand = defineSubcommand({
  name: "export",
  needsProject: true,
  async handle({ project, command, ack, respond, client, body, deps }) {
    const what = exportName(command.doc);
    await ack();
    const file = await buildExportFile(deps, project, command.doc);
    try {
      await uploadFile(client, project.channelId, file, `<@${body.user_id}> exported the ${what}.`);
    } catch (error) {
      const code = slackErrorCode(error);
      deps.logger.warn(`Export of ${what} failed (${code ?? "network"}):`, error);
      await respond({
        response_type: "ephemeral",
        text: `:warning: I could not upload the ${what} file${code ? ` (Slack said \`${code}\`)` : ""}. ${
          code === "not_in_channel"
            ? "Invite me with `/invite @intplan` and try again."
            : "Please try again in a minute."
        }`,
      });
    }
  },
});
