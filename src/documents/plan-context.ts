import type { Analysis } from "../domain/analysis/analyse.js";
import { readList } from "../domain/analysis/read-answers.js";
import { BLOCKER_LIMITS } from "../domain/blockers.js";
import { isoDate } from "../domain/dates.js";
import { COMPANION_KINDS, type CompanionKind, DOCUMENT_TITLES } from "../domain/document-kinds.js";
import type { IntegrationType } from "../domain/integration-type.js";
import { PHASE_STATUS_LABELS } from "../domain/phase-labels.js";
import { phaseOwner, teamOf } from "../domain/phase-owners.js";
import { behindPlanSince, projectStatus } from "../domain/project-status.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { truncateText } from "../domain/text.js";
import { answersById, buildFieldTree, unanswered } from "./answer-fields.js";
import { buildSourceTree } from "./answer-sources.js";
import { mostRecent, PLAN_BLOCKER_LINES } from "./bounds.js";
import { CHECKLIST_ENTRIES, checklistStates } from "./checklist-states.js";
import type { CompanionPlace, DocumentBlocker, DocumentInput } from "./render-input.js";
import {
  basic,
  EDIT_PROJECT,
  mitigationTodo,
  openQuestionView,
  projectView,
  typeFlags,
} from "./shared-views.js";
import { SPECS_MAPPING_SECTION, specsWorkflows } from "./specs-context.js";
import type { DocumentReference } from "./template-helpers.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const REVIEW_EVERY_DAYS = 7;

function phaseViews(input: DocumentInput, analysis: Analysis, now: Date) {
  const team = teamOf(input.project, input.answers);
  return analysis.timeline.phases.map((estimate) => {
    const tracked = input.phases?.find((p) => p.number === estimate.number);
    const planned = analysis.schedule?.phases.find((p) => p.number === estimate.number);
    const status = tracked?.status ?? "not-started";
    return {
      number: estimate.number,
      name: estimate.name,
      weeks: estimate.weeks,
      range: estimate.range,
      start: planned?.start ?? null,
      end: planned?.end ?? null,
      status: PHASE_STATUS_LABELS[status],
      // Nobody on the team for this phase yet: say how to name one.
      ownerId:
        phaseOwner({ number: estimate.number, ownerId: tracked?.ownerId }, team) ??
        unanswered(`/intplan phase ${estimate.number} owner @person`),
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

const FEATURE_TITLES: Readonly<Record<Exclude<IntegrationType, "other">, string>> = {
  accounting: "Accounting-Specific Features",
  marketing: "Marketing-Specific Features",
  fulfillment: "Fulfillment-Specific Features",
  inventory: "Inventory-Specific Features",
  pos: "POS-Specific Features",
};

/**
 * Section 2.4, one block per type the project is (the strongest first), and one for a type it no longer is
 * whose tasks someone confirmed or ticked. With a stored checklist, a block lists the tasks it holds.
 */
function typeFeatureBlocks(input: DocumentInput, analysis: Analysis) {
  const stored = input.checklist ? new Map(input.checklist.map((i) => [i.key, i])) : null;
  const typeTasks = (type: IntegrationType) =>
    CHECKLIST_ENTRIES.filter((e) => e.types?.includes(type) && (!stored || stored.has(e.key)));
  const kept = (type: IntegrationType) =>
    typeTasks(type).some((e) => {
      const row = stored?.get(e.key);
      return row !== undefined && (row.done || row.scope === "in");
    });
  const types = (Object.keys(FEATURE_TITLES) as Array<keyof typeof FEATURE_TITLES>).filter(
    (t) => !analysis.integrationTypes.includes(t) && kept(t),
  );
  const shown = [
    ...analysis.integrationTypes.filter((t): t is keyof typeof FEATURE_TITLES => t !== "other"),
    ...types,
  ].filter((t) => typeTasks(t).length > 0);
  return shown.map((type, i) => ({
    number: shown.length === 1 ? "2.4" : `2.4.${i + 1}`,
    title: FEATURE_TITLES[type],
    tasks: typeTasks(type).map((e) => ({ key: e.key, label: e.label })),
  }));
}

/** The UAT and error scenarios together; none yet: where the UAT scenarios are answered. */
function keyScenarios(questionnaire: Questionnaire, { answers, project }: DocumentInput) {
  const scenarios = [...readList(answers, "uat_scenarios"), ...readList(answers, "error_scenarios")];
  const where = whereAnswered(questionnaire, "uat_scenarios", project);
  return scenarios.length > 0 || where === null ? scenarios : unanswered(where);
}

/** A companion document as the plan names it (`{{reference references.sow}}`): see `reference`. */
function referenceTo(kind: CompanionKind, place: CompanionPlace | undefined): DocumentReference {
  const title = DOCUMENT_TITLES[kind];
  const named = { label: title, url: null, note: null, command: null };
  switch (place?.type) {
    case undefined:
      return { ...named, command: `/intplan publish ${kind}` };
    case "canvas":
      return place.permalink
        ? { ...named, url: place.permalink }
        : { ...named, note: "a canvas in the project channel's tabs" };
    case "version":
      return {
        ...named,
        label: `${title}, version ${place.number}`,
        url: place.permalink,
        note: `frozen on ${isoDate(place.frozenAt)}${place.permalink ? "" : ", its files in the project channel"}`,
      };
    case "file":
      return { ...named, note: `posted in the project channel as a file on ${isoDate(place.postedAt)}` };
  }
}

/**
 * Every companion document, in the suite's order, where it can be read; none is generated yet for an answers
 * file rendered offline (no suite).
 */
const referencesOf = (input: DocumentInput) =>
  Object.fromEntries(COMPANION_KINDS.map((kind) => [kind, referenceTo(kind, input.suite?.[kind])])) as Record<
    CompanionKind,
    DocumentReference
  >;

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
    /** Where each field's fact came from, when a system profile gave it: `{{cite sources.system_a.rate_limit}}`. */
    sources: buildSourceTree(questionnaire, answers, input.answerSources).plan,
    project: {
      ...projectView(project, analysis),
      status: projectStatus(input.phases ?? []),
      channelId: input.channelId ?? null,
    },
    volume:
      analysis.facts.volumeText ??
      unanswered(
        [EDIT_PROJECT, whereAnswered(questionnaire, "data_volume", project)].filter(Boolean).join(" or "),
      ),
    analysis,
    openQuestions: analysis.openQuestions.map(openQuestionView),
    // The sign in bold: a bare "+" would start a nested list, and an escaped one relies on the reader's Markdown.
    confidenceReasons: analysis.confidence.reasons.map((r) => ({ known: r.sign === "+", text: r.text })),
    mitigationTodo: mitigationTodo(questionnaire, project),
    plan,
    /**
     * Every answer by question id, for the facts no `plan.` field carries (version 3's system of record,
     * environments and access); a question the project's version does not ask says where to write it.
     */
    answer: answersById(questionnaire, answers, project, "/intplan edit plan"),
    /** Section 2.3's tasks: each workflow and the Technical Specifications section describing it. */
    workflowTasks: specsWorkflows(plan.workflows),
    specsMappingSection: SPECS_MAPPING_SECTION,
    ...typeFlags(analysis),
    hasDataMigration: analysis.facts.hasDataMigration === true,
    keyScenarios: keyScenarios(questionnaire, input),
    phases: phaseViews(input, analysis, now),
    ...blockerViews(input.blockers),
    /** Checklist key → its state (ticked, suggested, not in scope): `{{#item checklist.[p1.test-data]}}`. */
    checklist: checklistStates(input),
    typeFeatures: typeFeatureBlocks(input, analysis),
    /** The companion documents by kind (sections 6.3, 10 and 11): `{{reference references.tests}}`. */
    references: referencesOf(input),
    documentControl: {
      version: input.revision ?? 1,
      lastUpdated: now,
      nextReview: new Date(now.getTime() + REVIEW_EVERY_DAYS * DAY_MS),
      ownerId: basic(project.projectManagerId ?? project.leadEngineerId),
    },
  };
}
