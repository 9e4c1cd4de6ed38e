import { buildImportFileModal } from "../../views/import-modal.js";
import { openModal } from "../open-modal.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan import`: a modal to choose the file; reading it and the review follow (views/import-submission.ts). */
export const importCommand = defineSubcommand({
  name: "import",
  needsProject: true,
  async handle({ project, ack, respond, client, body, deps }) {
    await ack();
    await openModal(client, deps.logger, {
      triggerId: body.trigger_id,
      view: buildImportFileModal({ projectId: project.id, channelId: project.channelId }),
      what: "the import form",
      retry: "Please run `/intplan import` again.",
      respond,
    });
  },
});
