import { getQuestionnaire } from "../../domain/questionnaire/definition.js";
import type { Subcommand, WithProject } from "../context.js";
import { buildInterviewView } from "../interview/session.js";
import { resolveStartSection } from "../interview/start.js";
import { escapeMrkdwn } from "../views/mrkdwn.js";
import { plainMessage } from "../views/plain-message.js";

/** `/intplan interview [section]`: open the discovery interview where it makes sense. */
export const interviewCommand: Subcommand<"interview"> = {
  name: "interview",
  needsProject: true,
  async handle(ctx) {
    const { project, command, ack, respond, client, body, deps } = ctx as WithProject<typeof ctx.command>;
    const start = resolveStartSection(deps, project, command.section);
    if (!start.ok) {
      await ack(plainMessage(escapeMrkdwn(start.error)));
      return;
    }
    await ack();
    const view = buildInterviewView(
      deps,
      { project, questionnaire: getQuestionnaire(project.questionnaireVersion) },
      start.sectionIndex,
    );
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      deps.logger.warn("views.open failed for /intplan interview:", error);
      await respond({
        response_type: "ephemeral",
        text: "Slack did not open the interview in time. Please run `/intplan interview` again; every answer so far is saved.",
      });
    }
  },
};
