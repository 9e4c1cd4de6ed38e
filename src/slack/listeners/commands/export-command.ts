import { buildExportFile, exportName } from "../../../services/document-export.js";
import { uploadFile } from "../../canvas-publisher.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { plainMessage } from "../../views/plain-message.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan export plan|discovery|answers`: always a file in the channel (answers as JSON). */
export const exportCommand = defineSubcommand({
  name: "export",
  needsProject: true,
  async handle({ project, command, ack, respond, client, body, deps }) {
    const what = exportName(command.doc);
    await ack(plainMessage(`:hourglass_flowing_sand: Preparing the ${what} file…`));
    const file = await buildExportFile(deps, project, command.doc);
    try {
      await uploadFile(client, project.channelId, file, `<@${body.user_id}> exported the ${what}.`);
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        text: `The ${what} file is in this channel.`,
      });
    } catch (error) {
      const code = slackErrorCode(error);
      deps.logger.warn(`Export of ${what} failed (${code ?? "network"}):`, error);
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        text: `:warning: I could not upload the ${what} file${code ? ` (Slack said \`${code}\`)` : ""}. ${
          code === "not_in_channel"
            ? "Invite me with `/invite @intplan` and try again."
            : "Please try again in a minute."
        }`,
      });
    }
  },
});
