import type { Analysis } from "../domain/analysis/analyse.js";
import { readText } from "../domain/analysis/read-answers.js";
import { COMPANION_KINDS, DOCUMENT_TITLES } from "../domain/document-kinds.js";
import type { TableRow } from "../domain/questionnaire/answers.js";
import { withSystemNames } from "../domain/text.js";
import type { FieldValue } from "./answer-fields.js";
import { CHECKLIST_ENTRIES } from "./checklist-states.js";
import { formatQuantity } from "./quantity.js";
import type { DocumentInput } from "./render-input.js";
import { type ContextArgs, companionContext } from "./suite-context.js";

type Answer = Record<string, FieldValue>;

/** A checklist label as the client reads it: the systems named, without the plan's cross-references. */
const clientLabel = (label: string, input: DocumentInput) =>
  withSystemNames(label, input.project)
    .replace(/\s*\(see [^)]*\)\s*$/i, "")
    .trim();

const rowsOf = (value: FieldValue | undefined): TableRow[] =>
  Array.isArray(value) ? value.filter((r): r is TableRow => typeof r === "object" && r !== null) : [];
const listOf = (value: FieldValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * The type-specific features of the project's types: those the team confirmed (in scope, or ticked), and
 * those still suggested, which the SOW lists as to be confirmed. Without a stored checklist (an answers
 * file) every one is a suggestion, as for a new project.
 */
function typeFeatures(input: DocumentInput, analysis: Analysis) {
  const stored = input.checklist ? new Map(input.checklist.map((i) => [i.key, i])) : null;
  const ofTypes = CHECKLIST_ENTRIES.filter(
    (e) => e.types?.some((t) => analysis.integrationTypes.includes(t)) && (!stored || stored.has(e.key)),
  );
  const scopeOf = (key: string) => {
    const row = stored?.get(key);
    if (!row) return "suggested";
    return row.done ? "in" : row.scope;
  };
  return {
    confirmed: ofTypes.filter((e) => scopeOf(e.key) === "in").map((e) => clientLabel(e.label, input)),
    proposed: ofTypes.filter((e) => scopeOf(e.key) === "suggested").map((e) => clientLabel(e.label, input)),
  };
}

/**
 * Out of scope: what the answers say is not in scope, the checklist items the team marked not in scope, and
 * the later phases, which a later agreement covers.
 */
function outOfScope(input: DocumentInput, answer: Answer) {
  const marked = (input.checklist ?? [])
    .filter((row) => row.scope === "out" && !row.done)
    .flatMap((row) => {
      const entry = CHECKLIST_ENTRIES.find((e) => e.key === row.key);
      return entry ? [clientLabel(entry.label, input)] : [];
    });
  const later = rowsOf(answer.later_phases).map((row, i) => ({
    number: i + 2,
    name: row.phase ?? "",
    goal: row.goal ?? "",
  }));
  return { stated: answer.out_of_scope, marked, later };
}

/** The integration's background: the executive summary answered, else the summary typed at creation. */
function background(input: DocumentInput, answer: Answer): string | FieldValue {
  const summary = answer.executive_summary;
  if (typeof summary === "string") return summary;
  const typed = input.project.summary?.trim();
  return typed ? typed : (summary ?? null);
}

/**
 * The build's price as the agency gave it, and the estimate an hourly or day rate gives with the
 * development hours (the analysis' figure: never a number of our own). Missing parts carry their markers.
 */
function fees(analysis: Analysis, answer: Answer) {
  const { buildCostBasis: basis, buildCostAmount: amount, developmentHours: hours } = analysis.facts;
  const estimate = analysis.roi.buildCost.value;
  const days = hours === null ? null : formatQuantity(hours / 8);
  return {
    basis: basis ?? answer.build_cost_basis,
    fixed: basis === "fixed",
    hourly: basis === "hourly",
    daily: basis === "daily",
    amount: amount ?? answer.build_cost_amount,
    hours: hours ?? answer.development_hours,
    days,
    estimate: estimate ?? null,
    hasEstimate: estimate !== null,
  };
}

/** Each phase with its likely weeks, its range and its planned dates (none without a schedule). */
function phaseViews(analysis: Analysis) {
  return analysis.timeline.phases.map((estimate) => {
    const planned = analysis.schedule?.phases.find((p) => p.number === estimate.number);
    return {
      number: estimate.number,
      name: estimate.name,
      weeks: estimate.weeks,
      range: estimate.range,
      /** Best and worst the same: the phase's length is not in doubt. */
      fixedRange: estimate.range.best === estimate.range.worst,
      start: planned?.start ?? null,
      end: planned?.end ?? null,
    };
  });
}

/** Section 8, numbered: each item is a sentence, or the marker saying where its figure is answered. */
interface Criterion {
  label: string;
  value: FieldValue | undefined;
  items?: readonly string[];
}

function acceptanceCriteria(answer: Answer, systemB: string) {
  const percent = (value: number) => formatQuantity(value, "%");
  const mvp = listOf(answer.mvp_success_criteria);
  const scenarios = [...listOf(answer.uat_scenarios), ...listOf(answer.error_scenarios)];
  const participants = listOf(answer.uat_participants);
  const criteria: Criterion[] = [
    ...(mvp.length > 0
      ? mvp.map((c) => ({ label: "Success criterion", value: c }))
      : [{ label: "Success criteria", value: answer.mvp_success_criteria ?? null }]),
    scenarios.length > 0
      ? { label: "Acceptance tests", value: "every scenario below passes in testing", items: scenarios }
      : { label: "Acceptance tests", value: answer.uat_scenarios ?? null },
    {
      label: "Sync success rate",
      value:
        typeof answer.target_sync_success_rate === "number"
          ? `at least ${percent(answer.target_sync_success_rate)} of records reach ${systemB} without manual correction`
          : answer.target_sync_success_rate,
    },
    {
      label: "Error rate",
      value:
        typeof answer.target_error_rate === "number"
          ? `below ${percent(answer.target_error_rate)} of records`
          : answer.target_error_rate,
    },
    { label: "Data accuracy", value: answer.accuracy_metric },
    participants.length > 0
      ? {
          label: "Sign-off",
          value: "the acceptance tests are signed off in writing by",
          items: participants,
        }
      : { label: "Sign-off", value: answer.uat_participants },
  ];
  return criteria.map((c, i) => ({ ...c, items: c.items ?? [], number: `8.${i + 1}` }));
}

/** Everything the Statement of Work template reads. */
export function buildSowContext(...args: ContextArgs) {
  const [input, , analysis] = args;
  const base = companionContext("sow", ...args);
  const answer = base.answer;
  const systems = input.project;
  const criteria = acceptanceCriteria(answer, systems.systemB);
  const external = answer.external_dependencies;
  const choice = external && typeof external === "object" && "answered" in external ? external : null;
  return {
    ...base,
    background: background(input, answer),
    hasDataMigration: analysis.facts.hasDataMigration === true,
    features: typeFeatures(input, analysis),
    outOfScope: outOfScope(input, answer),
    documents: COMPANION_KINDS.filter((k) => k !== "sow").map((k) => DOCUMENT_TITLES[k]),
    /** Access the client still has to give (the external dependencies not yet in place), and what is. */
    access: choice
      ? {
          answered: choice.answered,
          missing: choice.selected,
          toProvide: choice.options.filter((o) => !o.checked).map((o) => o.label),
          inPlace: choice.options.filter((o) => o.checked).map((o) => o.label),
        }
      : null,
    plannedStartAnswered: readText(input.answers, "planned_start") !== null,
    phases: phaseViews(analysis),
    acceptance: criteria,
    fees: fees(analysis, answer),
    /** A warranty of 0 days is an answer too. */
    hasWarranty: typeof answer.warranty_days === "number",
  };
}
