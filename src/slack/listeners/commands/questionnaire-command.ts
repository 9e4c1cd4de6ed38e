import { questionnaireOverview } from "../../../services/questionnaire-service.js";
import { buildQuestionnaireOverview } from "../../views/questionnaire-messages.js";
import { defineSubcommand } from "./define-subcommand.js";

/**
 * `/intplan questionnaire [upgrade]`: the project's questionnaire version and what the latest adds, with the
 * button that moves the project after a confirmation dialog (actions/questionnaire-buttons.ts). `upgrade`
 * asks for the same confirmation: nothing moves until the button is confirmed.
 */
export const questionnaireCommand = defineSubcommand({
  name: "questionnaire",
  needsProject: true,
  async handle({ project, ack, deps }) {
    await ack(buildQuestionnaireOverview(questionnaireOverview(deps, project)));
  },
});
