import type { Subcommand } from "../context.js";
import { escapeMrkdwn } from "../views/mrkdwn.js";
import { buildNewProjectModal } from "../views/new-project-modal.js";
import { plainMessage } from "../views/plain-message.js";

/** `/intplan new`: open the new-project modal, unless this channel already has a project. */
export const newCommand: Subcommand<"new"> = {
  name: "new",
  needsProject: false,
  async handle({ body, project, ack, respond, client, deps }) {
    if (project) {
      await ack(
        plainMessage(
          `This channel already has a project: *${escapeMrkdwn(project.name)}* (${project.code}). ` +
            "One channel holds one project; create a new channel for another. `/intplan status` shows this one.",
        ),
      );
      return;
    }
    if (body.channel_id.startsWith("D")) {
      await ack(plainMessage("Run `/intplan new` in the project's channel, not in a direct message."));
      return;
    }
    await ack();
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildNewProjectModal({ channelId: body.channel_id }, body.channel_name),
      });
    } catch (error) {
      deps.logger.warn("views.open failed for /intplan new:", error);
      await respond({
        response_type: "ephemeral",
        text: "Slack did not open the new-project form in time. Please run `/intplan new` again.",
      });
    }
  },
};
