import { whereNewProjectStarts } from "../../../services/project-setup.js";
import { escapeMrkdwn } from "../../views/mrkdwn.js";
import { buildNewProjectModal } from "../../views/new-project-modal.js";
import { plainMessage } from "../../views/plain-message.js";
import { openModal } from "../open-modal.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan new`: open the new-project modal, unless this channel already has a project. */
export const newCommand = defineSubcommand({
  name: "new",
  needsProject: false,
  async handle({ body, project, ack, respond, client, deps }) {
    const start = whereNewProjectStarts(project, {
      // Slack's direct-message channel ids start with D.
      isDirectMessage: body.channel_id.startsWith("D"),
    });
    if (start.kind === "channel-has-project") {
      await ack(
        plainMessage(
          `This channel already has a project: *${escapeMrkdwn(start.project.name)}* (${start.project.code}). ` +
            "One channel holds one project; create a new channel for another. `/intplan status` shows this one.",
        ),
      );
      return;
    }
    if (start.kind === "direct-message") {
      await ack(plainMessage("Run `/intplan new` in the project's channel, not in a direct message."));
      return;
    }
    await ack();
    await openModal(client, deps.logger, {
      triggerId: body.trigger_id,
      view: buildNewProjectModal({ channelId: body.channel_id }, body.channel_name),
      what: "the new-project form",
      retry: "Please run `/intplan new` again.",
      respond,
    });
  },
});
