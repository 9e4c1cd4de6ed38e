import { interviewOf, interviewScreen, resolveStartSection } from "../../../services/discovery-interview.js";
import { buildInterviewModal } from "../../interview-modal.js";
import { escapeMrkdwn } from "../../views/mrkdwn.js";
import { plainMessage } from "../../views/plain-message.js";
import { openModal } from "../open-modal.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan interview [section]`: open the discovery interview where it makes sense. */
export const interviewCommand = defineSubcommand({
  name: "interview",
  needsProject: true,
  async handle({ project, command, ack, respond, client, body, deps }) {
    const start = resolveStartSection(deps, project, command.section);
    if (!start.ok) {
      await ack(plainMessage(escapeMrkdwn(start.error)));
      return;
    }
    await ack();
    const interview = interviewOf(project);
    const view = buildInterviewModal(interview, interviewScreen(deps, interview, start.sectionIndex));
    await openModal(client, deps.logger, {
      triggerId: body.trigger_id,
      view,
      what: "the interview",
      retry: "Please run `/intplan interview` again; every answer so far is saved.",
      respond,
    });
  },
});
