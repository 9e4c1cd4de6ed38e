import {
  type Answers,
  type AnswerValue,
  answerState,
  isPlaceholderText,
  type TableRow,
} from "../domain/questionnaire/answers.js";
import {
  allQuestions,
  type ChoiceQuestion,
  getQuestionnaire,
  LATEST_QUESTIONNAIRE_VERSION,
  type Question,
  type Questionnaire,
} from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import type { SystemNames } from "../domain/text.js";

/**
 * A field nobody has answered yet, and where a person answers it ("/intplan interview 6 (Rate limits)").
 * It is an empty list, so `{{#if field}}` is false and `{{#each field}}` takes its `{{else}}` as for any
 * missing value; the helpers read `where` off it and print the place instead of a bare marker.
 */
export type Unanswered = readonly never[] & { readonly where: string };

export function unanswered(where: string): Unanswered {
  const marker: never[] = [];
  // Not enumerable: the marker still equals [] and serialises as [].
  Object.defineProperty(marker, "where", { value: where, enumerable: false });
  return Object.freeze(marker) as Unanswered;
}

/** Where a missing value is answered, when it is an `Unanswered` marker. */
export function whereOf(value: unknown): string | null {
  if (!Array.isArray(value) || value.length > 0) return null;
  const where: unknown = (value as { where?: unknown }).where;
  return typeof where === "string" ? where : null;
}

/**
 * What a document shows for an optional question answered "N/A": "Not applicable"; "none" or "nothing" keeps
 * its own meaning ("Known quirks: None").
 */
function notApplicableLabel(value: AnswerValue | undefined): string {
  const typed = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string").join(" ");
  return /^\s*(none|nothing)\b/i.test(typed) ? "None" : "Not applicable";
}

/** A multi-select or checkboxes answer, ready for a checklist: every option, ticked or not. */
export interface ChoiceView {
  answered: boolean;
  /** Labels of the ticked options, in the definition's order; an `Unanswered` marker when none is. */
  selected: readonly string[];
  options: Array<{ label: string; checked: boolean }>;
}

/**
 * An answer as the templates see it. Text, dates, urls, emails and single selects (as the option's label)
 * are strings; numbers stay numbers (the template adds the unit); users stay Slack ids; lists are
 * strings; tables are rows with every column present. Unanswered: null, [] or an unticked ChoiceView.
 */
export type AnswerField = string | number | string[] | TableRow[] | ChoiceView | null;
/** In the field tree, an unanswered field is an `Unanswered` marker rather than null or []. */
export type FieldValue = AnswerField | Unanswered;

export interface FieldTree {
  [name: string]: FieldValue | FieldTree;
}

function choiceView(question: ChoiceQuestion, value: AnswerValue | undefined): ChoiceView {
  const picked = Array.isArray(value) ? (value as unknown[]) : [];
  const options = question.options.map((o) => ({ label: o.label, checked: picked.includes(o.value) }));
  return {
    answered: picked.length > 0,
    selected: options.filter((o) => o.checked).map((o) => o.label),
    options,
  };
}

function tableRows(columns: readonly { id: string }[], value: AnswerValue | undefined): TableRow[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[])
    .filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null)
    .map((row) =>
      Object.fromEntries(
        columns.map((c): [string, string] => {
          const cell = row[c.id];
          return [c.id, typeof cell === "string" ? cell : ""];
        }),
      ),
    );
}

/**
 * One stored answer in the shape the templates use for its question's kind. A placeholder ("TBD", "?") is
 * no answer, and an optional question answered "N/A" reads "Not applicable" (answers.ts has the rule).
 */
export function fieldValue(question: Question, value: AnswerValue | undefined): AnswerField {
  const state = answerState(value, question);
  const isChoice = question.kind === "multi_select" || question.kind === "checkboxes";
  if (state === "unanswered" && !isChoice)
    return question.kind === "list" || question.kind === "table" ? [] : null;
  if (state === "not_applicable")
    return question.kind === "list" ? [notApplicableLabel(value)] : notApplicableLabel(value);
  switch (question.kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    case "single_select":
      return question.options.find((o) => o.value === value)?.label ?? null;
    case "multi_select":
    case "checkboxes":
      return choiceView(question, value);
    case "list":
      return Array.isArray(value)
        ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "" && !isPlaceholderText(v))
        : [];
    case "table":
      return tableRows(question.columns, value);
    default:
      return typeof value === "string" && value.trim() !== "" ? value : null;
  }
}

const isEmpty = (v: FieldValue) =>
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && "answered" in v && !v.answered);

/** Several questions feeding one field: lists and tables add up; otherwise the first answered one wins. */
function merge(existing: FieldValue | undefined, next: FieldValue): FieldValue {
  if (existing === undefined) return next;
  if (isEmpty(next)) return existing;
  if (isEmpty(existing)) return next;
  if (Array.isArray(existing) && Array.isArray(next)) return [...existing, ...next] as FieldValue;
  return existing;
}

/** An empty value becomes the `Unanswered` marker for its question; a choice nobody ticked carries it. */
function marked(value: FieldValue, where: string): FieldValue {
  if (!isEmpty(value)) return value;
  if (value !== null && typeof value === "object" && "answered" in value) {
    return { ...value, selected: unanswered(where) };
  }
  return unanswered(where);
}

function setPath(tree: FieldTree, path: readonly string[], value: FieldValue, feed: string): void {
  const [head, ...rest] = path;
  if (head === undefined) throw new Error(`Empty feed path in "${feed}".`);
  if (rest.length === 0) {
    const existing = tree[head];
    if (existing !== undefined && !isField(existing))
      throw new Error(`Feed "${feed}" collides with a group.`);
    tree[head] = merge(existing, value);
    return;
  }
  const child = head in tree ? tree[head] : {};
  if (child === undefined || isField(child)) throw new Error(`Feed "${feed}" goes below a value.`);
  tree[head] = child;
  setPath(child, rest, value, feed);
}

function isField(node: FieldValue | FieldTree): node is FieldValue {
  return node === null || typeof node !== "object" || Array.isArray(node) || "answered" in node;
}

/**
 * The document fields every answer feeds, following the questionnaire's `feeds` ("plan.system_a.rate_limit"):
 * `{ plan: { system_a: { rate_limit: "2 requests/second" } }, discovery: { ... } }`. Every fed field is
 * present, answered or not, so templates compiled in strict mode catch a misspelt field; an unanswered one is
 * an `Unanswered` marker naming the first question that feeds it.
 */
export function buildFieldTree(
  questionnaire: Questionnaire,
  answers: Answers,
  systems: SystemNames,
): { plan: FieldTree; discovery: FieldTree } {
  const root: FieldTree = { plan: {}, discovery: {} };
  for (const question of allQuestions(questionnaire)) {
    const where = whereAnswered(questionnaire, question.id, systems) ?? question.id;
    const value = marked(fieldValue(question, answers[question.id]), where);
    for (const feed of question.feeds ?? []) setPath(root, feed.split("."), value, feed);
  }
  return { plan: root.plan as FieldTree, discovery: root.discovery as FieldTree };
}

function fieldAt(tree: FieldTree, path: string): FieldValue | FieldTree | undefined {
  return path
    .split(".")
    .reduce<FieldValue | FieldTree | undefined>(
      (node, name) => (node && typeof node === "object" && !isField(node) ? node[name] : undefined),
      tree,
    );
}

/** The rows of a table field, e.g. `rowsAt(discovery, "phases.later")`; throws when the feed is not a table. */
export function rowsAt(tree: FieldTree, path: string): TableRow[] {
  const node = fieldAt(tree, path);
  if (!Array.isArray(node)) throw new Error(`No table field at "${path}".`);
  return node.filter((row): row is TableRow => typeof row === "object");
}

/** The options of a checkboxes field; throws when the feed is not one. */
export function choiceAt(tree: FieldTree, path: string): ChoiceView {
  const node = fieldAt(tree, path);
  if (node === null || typeof node !== "object" || !("answered" in node)) {
    throw new Error(`No checkboxes field at "${path}".`);
  }
  return node as ChoiceView;
}

/**
 * Every question's answer by its id, `{{answer.payment_terms}}`, as the companion documents read them: in
 * the template's shape for its kind (`fieldValue`), an `Unanswered` marker when empty. The ids are those of
 * the latest questionnaire and of the project's own version, so a template compiled in strict mode may name
 * any current question. A question the project's version does not ask (a project started on an older
 * version) is answered by the PM's own wording of the section: `notAsked` says where
 * (`/intplan edit sow`).
 */
export function answersById(
  questionnaire: Questionnaire,
  answers: Answers,
  systems: SystemNames,
  notAsked: string,
): Record<string, FieldValue> {
  const asked = new Map(allQuestions(questionnaire).map((q) => [q.id, q]));
  const byId: Record<string, FieldValue> = {};
  for (const question of allQuestions(getQuestionnaire(LATEST_QUESTIONNAIRE_VERSION))) {
    if (!asked.has(question.id)) byId[question.id] = marked(fieldValue(question, undefined), notAsked);
  }
  for (const question of asked.values()) {
    const where = whereAnswered(questionnaire, question.id, systems) ?? question.id;
    byId[question.id] = marked(fieldValue(question, answers[question.id]), where);
  }
  return byId;
}
