import { sectionEditor } from "../../../services/section-editing.js";
import { buildSectionEditModal } from "../../views/section-edit-modal.js";
import { openModal } from "../open-modal.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan edit <document>`: the modal to put a PM's own wording in a section of a document. */
export const editCommand = defineSubcommand({
  name: "edit",
  needsProject: true,
  async handle({ project, command, ack, respond, client, body, deps }) {
    await ack();
    const editor = sectionEditor(deps, project, command.doc);
    await openModal(client, deps.logger, {
      triggerId: body.trigger_id,
      view: buildSectionEditModal({ editor, selected: null }),
      what: "the section editor",
      retry: `Please run \`/intplan edit ${command.doc}\` again.`,
      respond,
    });
  },
});
