import type { ProjectRow } from "../../db/schema.js";
import type { Subcommand, WithProject } from "../context.js";
import { buildDeleteConfirmation, buildNotAllowedToDelete } from "../views/delete-project.js";
import { plainMessage } from "../views/plain-message.js";

/** The lead and the PM may delete a project; when neither is assigned, the person who created it may. */
export function mayDelete(project: ProjectRow, userId: string): boolean {
  const owners = [project.leadEngineerId, project.projectManagerId].filter(Boolean);
  return owners.length > 0 ? owners.includes(userId) : project.createdBy === userId;
}

/** `/intplan delete`: asks for confirmation; the buttons do the work (src/slack/actions/delete-project.ts). */
export const deleteCommand: Subcommand<"delete"> = {
  name: "delete",
  needsProject: true,
  async handle(ctx) {
    const { project, ack, body } = ctx as WithProject<typeof ctx.command>;
    if (!mayDelete(project, body.user_id)) {
      await ack(plainMessage(buildNotAllowedToDelete(project)));
      return;
    }
    await ack(buildDeleteConfirmation(project));
  },
};
