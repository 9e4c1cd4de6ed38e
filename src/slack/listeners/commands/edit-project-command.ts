import { projectBasicsOf } from "../../../services/project-editing.js";
import { buildEditProjectModal } from "../../views/edit-project-modal.js";
import { openModal } from "../open-modal.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan edit project`: the project's basics in a modal, prefilled. */
export const editProjectCommand = defineSubcommand({
  name: "edit-project",
  needsProject: true,
  async handle({ project, ack, respond, client, body, deps }) {
    await ack();
    await openModal(client, deps.logger, {
      triggerId: body.trigger_id,
      view: buildEditProjectModal(
        { projectId: project.id, channelId: project.channelId },
        { ...projectBasicsOf(project), code: project.code },
      ),
      what: "the project form",
      retry: "Please run `/intplan edit project` again.",
      respond,
    });
  },
});
