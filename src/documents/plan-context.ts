import type { Analysis } from "../domain/analysis/analyse.js";
import { readList } from "../domain/analysis/read-answers.js";
import { BLOCKER_LIMITS } from "../domain/blockers.js";
import { PHASE_STATUS_LABELS } from "../domain/phase-labels.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { truncateText } from "../domain/text.js";
import { buildFieldTree, unanswered } from "./answer-fields.js";
import { mostRecent, PLAN_BLOCKER_LINES } from "./bounds.js";
import type { DocumentBlocker, DocumentInput } from "./render-input.js";
import { basic, openQuestionView, projectView, typeFlags } from "./shared-views.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const REVIEW_EVERY_DAYS = 7;

function phaseViews(input: DocumentInput, analysis: Analysis) {
  return analysis.timeline.phases.map((estimate) => {
    const tracked = input.phases?.find((p) => p.number === estimate.number);
    return {
      number: estimate.number,
      name: estimate.name,
      weeks: estimate.weeks,
      status: PHASE_STATUS_LABELS[tracked?.status ?? "not-started"],
      ownerId: tracked?.ownerId ?? null,
      note: tracked?.note ?? null,
    };
  });
}

/** The most recent open blockers (oldest of them first), each at most a blocker's length. */
function blockerViews(blockers: readonly DocumentBlocker[] = []) {
  const { shown, more } = mostRecent(blockers, PLAN_BLOCKER_LINES);
  return { blockers: shown.map(blockerView), moreBlockers: more };
}

function blockerView(b: DocumentBlocker) {
  return {
    text: truncateText(b.text, BLOCKER_LIMITS.text),
    ownerId: b.ownerId ?? null,
    waitingOnClient: b.waitingOnClient,
    createdAt: b.createdAt,
  };
}

/** The UAT and error scenarios together; none yet: where the UAT scenarios are answered. */
function keyScenarios(questionnaire: Questionnaire, { answers, project }: DocumentInput) {
  const scenarios = [...readList(answers, "uat_scenarios"), ...readList(answers, "error_scenarios")];
  const where = whereAnswered(questionnaire, "uat_scenarios", project);
  return scenarios.length > 0 || where === null ? scenarios : unanswered(where);
}

/** Everything the Implementation Plan template reads. */
export function buildPlanContext(
  input: DocumentInput,
  questionnaire: Questionnaire,
  analysis: Analysis,
  now: Date,
) {
  const { project, answers } = input;
  const { plan } = buildFieldTree(questionnaire, answers, project);
  return {
    project: { ...projectView(project, analysis), channelId: input.channelId ?? null },
    volume: basic(analysis.facts.volumeText),
    analysis,
    openQuestions: analysis.openQuestions.map(openQuestionView),
    plan,
    ...typeFlags(analysis),
    hasDataMigration: analysis.facts.hasDataMigration === true,
    keyScenarios: keyScenarios(questionnaire, input),
    phases: phaseViews(input, analysis),
    ...blockerViews(input.blockers),
    /** Checklist key → ticked, for the phases' tasks and exit criteria: `{{check done.[p1.test-data]}}`. */
    done: Object.fromEntries((input.ticked ?? []).map((key) => [key, true])),
    documentControl: {
      version: input.revision ?? 1,
      lastUpdated: now,
      nextReview: new Date(now.getTime() + REVIEW_EVERY_DAYS * DAY_MS),
      ownerId: project.projectManagerId ?? project.leadEngineerId,
    },
  };
}
