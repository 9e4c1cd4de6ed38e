import type { Analysis } from "../domain/analysis/analyse.js";
import { readList } from "../domain/analysis/read-answers.js";
import { BLOCKER_LIMITS } from "../domain/blockers.js";
import { isoDate } from "../domain/dates.js";
import { PHASE_STATUS_LABELS } from "../domain/phase-labels.js";
import { phaseOwner, teamOf } from "../domain/phase-owners.js";
import { behindPlanSince, projectStatus } from "../domain/project-status.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { truncateText } from "../domain/text.js";
import { buildFieldTree } from "./answer-fields.js";
import { mostRecent, PLAN_BLOCKER_LINES } from "./bounds.js";
import type { DocumentBlocker, DocumentInput } from "./render-input.js";
import { openQuestionView, projectView, typeFlags } from "./shared-views.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const REVIEW_EVERY_DAYS = 7;

function phaseViews(input: DocumentInput, analysis: Analysis, now: Date) {
  const team = teamOf(input.project, input.answers);
  return analysis.timeline.phases.map((estimate) => {
    const tracked = input.phases?.find((p) => p.number === estimate.number);
    const status = tracked?.status ?? "not-started";
    return {
      number: estimate.number,
      name: estimate.name,
      weeks: estimate.weeks,
      status: PHASE_STATUS_LABELS[status],
      ownerId: phaseOwner({ number: estimate.number, ownerId: tracked?.ownerId }, team),
      note: tracked?.note ?? null,
      // Only phases tracked in Slack can be behind: an answers file rendered offline has no phase statuses.
      behindPlanSince: tracked
        ? behindPlanSince({ number: estimate.number, status }, analysis.schedule, isoDate(now))
        : null,
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

/** Everything the Implementation Plan template reads. */
export function buildPlanContext(
  input: DocumentInput,
  questionnaire: Questionnaire,
  analysis: Analysis,
  now: Date,
) {
  const { project, answers } = input;
  const { plan } = buildFieldTree(questionnaire, answers);
  return {
    project: {
      ...projectView(project, analysis),
      status: projectStatus(input.phases ?? []),
      channelId: input.channelId ?? null,
    },
    volume: analysis.facts.volumeText,
    analysis,
    openQuestions: analysis.openQuestions.map(openQuestionView),
    plan,
    ...typeFlags(analysis),
    hasDataMigration: analysis.facts.hasDataMigration === true,
    keyScenarios: [...readList(answers, "uat_scenarios"), ...readList(answers, "error_scenarios")],
    phases: phaseViews(input, analysis, now),
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
