import type { Analysis } from "../domain/analysis/analyse.js";
import type { DocumentKind } from "../domain/document-kinds.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { answersById } from "./answer-fields.js";
import type { DocumentInput } from "./render-input.js";
import { basic, projectView, typeFlags } from "./shared-views.js";

/**
 * What every companion document (SOW, Technical Specifications, Test Cases, Deployment Runbook, Support
 * Playbook) starts its context from: the project's header, the analysis, every answer by question id
 * (`{{answer.payment_terms}}`, an `Unanswered` marker saying where to answer when empty; for a question the
 * project's questionnaire version does not ask, `/intplan edit <kind>`), the type flags and Document Control.
 */
export function companionContext(
  kind: DocumentKind,
  input: DocumentInput,
  questionnaire: Questionnaire,
  analysis: Analysis,
  now: Date,
) {
  const { project, answers } = input;
  return {
    project: { ...projectView(project, analysis), channelId: input.channelId ?? null },
    analysis,
    answer: answersById(questionnaire, answers, project, `/intplan edit ${kind}`),
    ...typeFlags(analysis),
    generatedOn: now,
    documentControl: {
      version: input.revision ?? 1,
      lastUpdated: now,
      ownerId: basic(project.projectManagerId ?? project.leadEngineerId),
    },
  };
}

/** What a companion document's context builder is given; the same as the plan's and the discovery's. */
export type ContextArgs = [input: DocumentInput, questionnaire: Questionnaire, analysis: Analysis, now: Date];
