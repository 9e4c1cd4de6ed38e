import { loadAnswers } from "../../db/answers.js";
import { toDocumentProject } from "../../db/document-input.js";
import { toAnswersFile } from "../../documents/answers-file.js";
import { DOCUMENT_TITLES } from "../../domain/document-kinds.js";
import type { Answers } from "../../domain/questionnaire/answers.js";
import type { Subcommand, WithProject } from "../context.js";
import { uploadFile } from "../documents/publish.js";
import { renderProjectDocument } from "../documents/render.js";
import { slackErrorCode } from "../slack-error-code.js";
import { plainMessage } from "../views/plain-message.js";

/** `/intplan export plan|discovery|answers`: always a file in the channel (answers as JSON). */
export const exportCommand: Subcommand<"export"> = {
  name: "export",
  needsProject: true,
  async handle(ctx) {
    const { project, command, ack, respond, client, body, deps } = ctx as WithProject<typeof ctx.command>;
    const what = command.doc === "answers" ? "answers" : DOCUMENT_TITLES[command.doc];
    await ack(plainMessage(`:hourglass_flowing_sand: Preparing the ${what} file…`));
    const answersFile = () => ({
      filename: `${project.code}-answers.json`,
      title: `${project.code} discovery answers`,
      content: `${JSON.stringify(
        toAnswersFile(toDocumentProject(project), loadAnswers(deps.db, project.id) as Answers, deps.clock()),
        null,
        2,
      )}\n`,
    });
    const documentFile = (kind: "plan" | "discovery") => {
      const rendered = renderProjectDocument(deps, project, kind);
      return { filename: rendered.filename, title: rendered.title, content: rendered.markdown };
    };
    const file = command.doc === "answers" ? answersFile() : documentFile(command.doc);

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
};
