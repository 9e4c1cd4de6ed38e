import type { Subcommand, WithProject } from "../context.js";
import { buildProjectCard } from "../views/project-card.js";

/** `/intplan status`: the channel's project card, as an ephemeral reply. */
export const statusCommand: Subcommand<"status"> = {
  name: "status",
  needsProject: true,
  async handle(ctx) {
    const { project, ack } = ctx as WithProject<typeof ctx.command>;
    await ack(buildProjectCard(project));
  },
};
