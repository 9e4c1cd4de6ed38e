import type { Analysis } from "../domain/analysis/analyse.js";
import type { OpenQuestionCategory } from "../domain/analysis/open-questions.js";
import { readText } from "../domain/analysis/read-answers.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import type { TableRow } from "../domain/questionnaire/line-formats.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { answersById, buildFieldTree, choiceAt, rowsAt, unanswered } from "./answer-fields.js";
import { buildSourceTree } from "./answer-sources.js";
import { planningAnswers } from "./planning-answers.js";
import type { DocumentInput } from "./render-input.js";
import { mitigationTodo, openQuestionView, projectView } from "./shared-views.js";

/** The seed names the two phases after the MVP; any further phase is titled by its own name. */
const LATER_PHASE_TITLES = ["Enhanced", "Advanced"] as const;

const splitFeatures = (features: string | undefined) =>
  (features ?? "")
    .split(";")
    .map((f) => f.trim())
    .filter((f) => f !== "");

/**
 * Phase 2 onwards, at least the seed's Enhanced and Advanced. They follow the MVP, whose go-live is the
 * plan's; the plan does not estimate them, so they carry no dates rather than invented ones. A phase without
 * a goal or features is answered where the later phases are (`laterWhere`).
 */
function laterPhases(rows: readonly TableRow[], mvpWeek: number, laterWhere: string) {
  const count = Math.max(rows.length, LATER_PHASE_TITLES.length);
  const orMarker = <T>(value: T | null | undefined, empty: boolean) =>
    value === null || value === undefined || empty ? unanswered(laterWhere) : value;
  return Array.from({ length: count }, (_, i) => {
    const row = rows[i];
    const features = splitFeatures(row?.features);
    return {
      number: i + 2,
      title: LATER_PHASE_TITLES[i] ?? row?.phase ?? "",
      /** The earliest week it can start: the week after the MVP's go-live. */
      fromWeek: mvpWeek + 1,
      after: i === 0 ? "the MVP's go-live" : `Phase ${i + 1}`,
      focus: row?.phase ?? null,
      goal: orMarker(row?.goal, row?.goal === ""),
      features: orMarker(features, features.length === 0),
    };
  });
}

/** The questions the Discovery Document's own sections read by id (`answer.<id>`), not in Planning Details. */
const DISCOVERY_READS_BY_ID: ReadonlySet<string> = new Set([
  "build_approach",
  "entity_sync_rules",
  "record_matching",
  "environments_access",
  "credentials_owner",
  "client_stakeholders",
]);

const IMPACT_LEVELS = ["high", "medium", "low"] as const;

/** A go-live risk as a row of the risks table; moving a go-live is the project manager's to settle. */
const goLiveRiskRow = (r: Analysis["goLive"]["risks"][number]): TableRow => ({
  risk: r.risk,
  likelihood: r.likelihood,
  impact: r.impact,
  mitigation: r.mitigation,
  owner: "Project manager",
});

/** Risks grouped by their impact; a risk without a known impact counts as medium. */
function risksByImpact(rows: readonly TableRow[]) {
  const levelOf = (row: TableRow) => {
    const impact = (row.impact ?? "").toLowerCase();
    return IMPACT_LEVELS.find((level) => level === impact) ?? "medium";
  };
  return Object.fromEntries(IMPACT_LEVELS.map((level) => [level, rows.filter((r) => levelOf(r) === level)]));
}

function openQuestionsByCategory(analysis: Analysis) {
  const of = (category: OpenQuestionCategory) =>
    analysis.openQuestions.filter((q) => q.category === category).map(openQuestionView);
  return { business: of("business"), technical: of("technical"), ux: of("ux") };
}

/** Everything the Discovery Document template reads. */
export function buildDiscoveryContext(
  input: DocumentInput,
  questionnaire: Questionnaire,
  analysis: Analysis,
  now: Date,
) {
  const { project, answers } = input;
  const { discovery } = buildFieldTree(questionnaire, answers, project);
  /** The MVP goes live at the end of the plan's phase 4 (likely weeks), the plan's go-live. */
  const mvpWeek = Math.ceil(analysis.timeline.weeksToGoLive);
  const risks = rowsAt(discovery, "risks");
  return {
    project: projectView(project, analysis),
    analysis,
    discovery,
    /** Every answer by question id, for the facts no `discovery.` field carries (see the plan's). */
    answer: answersById(questionnaire, answers, project, "/intplan edit discovery"),
    /**
     * Version 3 words the document for an agency: "Current State", what the client's staff see, the person
     * approving it; older versions keep the seed template's headings.
     */
    agencyWording: questionnaire.version >= 3,
    /** Where each field's fact came from, when a system profile gave it: `{{cite sources.system_a.rate_limit}}`. */
    sources: buildSourceTree(questionnaire, answers, input.answerSources).discovery,
    hybridSync: choiceAt(discovery, "sync_strategy").selected.length > 1,
    mvpWeek,
    laterPhases: laterPhases(
      rowsAt(discovery, "phases.later"),
      mvpWeek,
      whereAnswered(questionnaire, "later_phases", project) ?? "later_phases",
    ),
    /** Said after an executive summary the PM wrote, which the analysis' own summary would have carried. */
    goLiveSummary: analysis.goLive.statements.join(" "),
    /** The MVP target date answered, when it is not the go-live the documents use (the project's). */
    mvpTargetApart:
      [readText(answers, "mvp_target_date")].find((d) => d !== null && d !== analysis.goLive.target) ?? null,
    // The go-live check's risks (a date the plan cannot meet, a go-live in a freeze) head the answered ones.
    mitigationTodo: mitigationTodo(questionnaire, project),
    risksCaptured: risks.length + analysis.goLive.risks.length > 0,
    risksByImpact: risksByImpact([...analysis.goLive.risks.map(goLiveRiskRow), ...risks]),
    openQuestions: openQuestionsByCategory(analysis),
    planningAnswers: planningAnswers(questionnaire, answers, project, DISCOVERY_READS_BY_ID),
    questionnaireVersion: questionnaire.version,
    generatedOn: now,
  };
}
