import type { Subcommand, WithProject } from "../context.js";
import { projectInterviewProgress } from "../interview/session.js";
import { buildProjectCard } from "../views/project-card.js";

/** `/intplan status`: the channel's project card with the interview's progress, as an ephemeral reply. */
export const statusCommand: Subcommand<"status"> = {
  name: "status",
  needsProject: true,
  async handle(ctx) {
    const { project, ack, deps } = ctx as WithProject<typeof ctx.command>;
    const progress = projectInterviewProgress(deps, project);
    await ack(
      buildProjectCard(project, {
        progress: { ...progress, requiredMissing: progress.requiredMissing.length },
      }),
    );
  },
};
