import { requestDeletion } from "../../../services/projects-service.js";
import { buildDeleteConfirmation, buildNotAllowedToDelete } from "../../views/delete-project-messages.js";
import { plainMessage } from "../../views/plain-message.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan delete`: asks the project's owners to confirm; the buttons do the work (actions/delete-buttons.ts). */
export const deleteCommand = defineSubcommand({
  name: "delete",
  needsProject: true,
  async handle({ project, ack, body }) {
    if (requestDeletion(project, body.user_id).kind === "not-allowed") {
      await ack(plainMessage(buildNotAllowedToDelete(project)));
      return;
    }
    await ack(buildDeleteConfirmation(project));
  },
});
