import type { PeakSeason } from "../domain/analysis/facts.js";
import { readList } from "../domain/analysis/read-answers.js";
import type { TableRow } from "../domain/questionnaire/line-formats.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { buildFieldTree, type FieldValue, unanswered } from "./answer-fields.js";
import { buildSourceTree } from "./answer-sources.js";
import { isMoreLine } from "./bounds.js";
import { EDIT_PROJECT, openQuestionView } from "./shared-views.js";
import { type ContextArgs, companionContext } from "./suite-context.js";

/** The section of the Technical Specifications holding the entity and field-mapping matrix. */
export const SPECS_MAPPING_SECTION = "4";

/**
 * The section of the Technical Specifications describing a workflow, by its place in the `workflows` answer
 * (0 → "5.1"). The plan's task lines cite it, so both documents number the workflows from here.
 */
export function specsWorkflowSection(index: number): string {
  return `5.${index + 1}`;
}

/** The line a bounded list or table ends with when a document is cut to fit ("…and 3 more rows in …"): see bounds.ts. */

/** A workflow as both documents list it: its name and its section here, or the line saying more were left out. */
export interface SpecsWorkflow {
  name: string;
  /** "5.2"; null for the "…and N more" line of a list cut to fit. */
  section: string | null;
}

/**
 * The `workflows` answer as the specs number it and the plan's task lines cite it; an unanswered field (its
 * `Unanswered` marker) is returned as is.
 */
export function specsWorkflows<T>(workflows: T): SpecsWorkflow[] | T {
  if (!Array.isArray(workflows) || workflows.length === 0) return workflows;
  let number = 0;
  return workflows.map((name: string) =>
    isMoreLine(name) ? { name, section: null } : { name, section: specsWorkflowSection(number++) },
  );
}

const PEAK_LABELS: Readonly<Record<PeakSeason, string>> = {
  "black-friday": "Black Friday to Cyber Monday",
  christmas: "Christmas",
};

/**
 * How a transformation says outright that a mapping runs both ways, or back from the target: words that
 * cannot mean anything else, or an arrow. Ordinary words ("reverse the sign", "the target's default") say
 * nothing about direction, so they never turn a mapping round.
 */
const BOTH_WAYS = /\b(two[- ]way|bi-?directional|both ways|both directions)\b|↔/i;
const BACKWARDS = /←/;

/** The names a rule may use for a field: its whole path, and its last segment when that is a real word. */
function fieldNames(field: string): string[] {
  const path = field.trim();
  const last =
    path
      .split(/[.[\]/]+/)
      .filter(Boolean)
      .pop() ?? "";
  return [path, ...(last.length >= 3 && last !== path ? [last] : [])].filter((n) => n !== "");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The rules (validation rules, default values) that name the row's source or target field. */
function rulesNaming(rules: readonly string[], row: TableRow): string[] {
  const names = [...fieldNames(row.source_field ?? ""), ...fieldNames(row.target_field ?? "")];
  const patterns = names.map((n) => new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(n)}($|[^A-Za-z0-9_])`, "i"));
  return rules.filter((rule) => patterns.some((p) => p.test(rule)));
}

/**
 * Every row of the field-mappings answer as a row of the matrix. The interview asks only source, target and
 * transformation: a mapping runs from the source system to the target unless its transformation says
 * otherwise; "required" and "default" are the validation rules and default values that name the field, and
 * "not stated" when none does: never a guess.
 */
function mappingRows(
  rows: FieldValue,
  validation: readonly string[],
  defaults: readonly string[],
  systems: { systemA: string; systemB: string },
) {
  if (!Array.isArray(rows) || rows.length === 0) return rows;
  return (rows as TableRow[]).map((row, index) => {
    const transformation = row.transformation ?? "";
    const direction = BOTH_WAYS.test(transformation)
      ? `${systems.systemA} ↔ ${systems.systemB}`
      : BACKWARDS.test(transformation)
        ? `${systems.systemB} → ${systems.systemA}`
        : `${systems.systemA} → ${systems.systemB}`;
    if (isMoreLine(row.source_field ?? "")) return { more: true, source: row.source_field ?? "" };
    return {
      more: false,
      number: index + 1,
      source: row.source_field ?? "",
      target: row.target_field ?? "",
      transformation,
      direction,
      required: rulesNaming(validation, row),
      defaults: rulesNaming(defaults, row),
    };
  });
}

/** The workflows of section 5; the interview's user journey is the main flow, the first workflow's. */
function workflowViews(answer: FieldValue) {
  const workflows = specsWorkflows(answer);
  if (!Array.isArray(workflows) || workflows.length === 0) return workflows;
  return (workflows as SpecsWorkflow[]).map((w) => ({
    ...w,
    hasJourney: w.section === specsWorkflowSection(0),
  }));
}

/** Everything the specs template reads. */
export function buildSpecsContext(...args: ContextArgs) {
  const [input, questionnaire, analysis] = args;
  const { project, answers } = input;
  const base = companionContext("specs", ...args);
  const { plan } = buildFieldTree(questionnaire, answers, project);
  const sources = buildSourceTree(questionnaire, answers, input.answerSources).plan;
  const journeyWhere = whereAnswered(questionnaire, "journey_trigger", project);
  const { facts } = analysis;
  return {
    ...base,
    systems: [
      { section: "2.1", name: project.systemA, role: "source", api: plan.system_a, src: sources.system_a },
      { section: "2.2", name: project.systemB, role: "target", api: plan.system_b, src: sources.system_b },
    ],
    volume:
      facts.volumeText ??
      unanswered(
        [EDIT_PROJECT, whereAnswered(questionnaire, "data_volume", project)].filter(Boolean).join(" or "),
      ),
    volumeReading: facts.volumeReading ?? null,
    peaks: (facts.peakSeasons ?? []).map((p) => PEAK_LABELS[p]),
    mappingSection: SPECS_MAPPING_SECTION,
    mappings: mappingRows(
      base.answer.field_mappings ?? [],
      readList(answers, "validation_rules"),
      readList(answers, "default_values"),
      project,
    ),
    workflows: workflowViews(base.answer.workflows ?? []),
    /** A workflow other than the first: the interview has no journey for it; the PM describes it in section 5. */
    notDescribed: unanswered(
      `/intplan edit specs${journeyWhere ? `; the journey (${journeyWhere}) describes only the first workflow` : ""}`,
    ),
    hasDataMigration: facts.hasDataMigration,
    noDataMigration: facts.hasDataMigration === false,
    technicalOpenQuestions: analysis.openQuestions
      .filter((q) => q.category === "technical" && q.source !== "raised")
      .map(openQuestionView),
  };
}
