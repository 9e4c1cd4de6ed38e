import { z } from "zod";
import { isCalendarDate } from "../dates.js";
import { type IsPersonId, NOT_A_PERSON } from "../person-id.js";
import type {
  ChoiceQuestion,
  NumberQuestion,
  Question,
  QuestionKind,
  QuestionnaireSection,
  TableQuestion,
  TextQuestion,
} from "./definition.js";
import {
  formatList,
  formatTable,
  LINE_LIMITS,
  type LinesResult,
  parseList,
  parseTable,
  type TableRow,
} from "./line-formats.js";

/**
 * What answers look like when stored, and how a modal's raw input becomes one.
 *
 * Stored value per kind: short/long text, url, email, single select → string; number → number;
 * multi select, checkboxes → option values (string[]); date → "YYYY-MM-DD"; user → the person's id
 * (checked by the `IsPersonId` the edge passes in); list → items (string[]); table → rows keyed by column
 * id. An unanswered question has no value.
 */

export type { TableRow };
export type AnswerValue = string | number | string[] | TableRow[];
export type Answers = Readonly<Record<string, AnswerValue>>;

/** What a modal gives for one question: text, selected values, or nothing. */
export type RawInput = string | readonly string[] | null | undefined;

/** The longest text any one box accepts (Slack's plain_text_input maximum). */
export const INPUT_MAX_LENGTH = 3000;
const SHORT_TEXT_MAX_LENGTH = 300;

export function maxLengthFor(question: Question): number {
  if (question.kind === "short_text") return question.maxLength ?? SHORT_TEXT_MAX_LENGTH;
  if (question.kind === "long_text") return question.maxLength ?? INPUT_MAX_LENGTH;
  return INPUT_MAX_LENGTH;
}

const isBlank = (raw: unknown) =>
  raw === null ||
  raw === undefined ||
  (typeof raw === "string" && raw.trim() === "") ||
  (Array.isArray(raw) && raw.length === 0);

const tooLong = (max: number) => ({ error: `Keep it under ${max} characters.` });

const textSchema = (q: TextQuestion) =>
  z
    .string()
    .trim()
    .max(maxLengthFor(q), tooLong(maxLengthFor(q)));

const NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;

function numberRange(q: NumberQuestion): string {
  if (q.min !== undefined && q.max !== undefined) return ` from ${q.min} to ${q.max}`;
  if (q.min !== undefined) return ` of at least ${q.min}`;
  if (q.max !== undefined) return ` of at most ${q.max}`;
  return "";
}

function numberSchema(q: NumberQuestion) {
  const expected = `Enter a ${q.integer ? "whole number" : "number"}${numberRange(q)}.`;
  let value = z.number({ error: expected });
  if (q.integer) value = value.int({ error: expected });
  if (q.min !== undefined) value = value.min(q.min, { error: expected });
  if (q.max !== undefined) value = value.max(q.max, { error: expected });
  return z
    .string()
    .trim()
    .regex(NUMBER, { error: expected })
    .transform((s) => Number(s.replaceAll(",", "")))
    .pipe(value);
}

function singleChoiceSchema(q: ChoiceQuestion) {
  const values = q.options.map((o) => o.value);
  return z.string().refine((v) => values.includes(v), { error: "Pick one of the options." });
}

/** Selected values, deduplicated and in the definition's order. */
function multiChoiceSchema(q: ChoiceQuestion) {
  const values = q.options.map((o) => o.value);
  return z
    .array(z.string())
    .refine((picked) => picked.every((v) => values.includes(v)), { error: "Pick from the options." })
    .transform((picked) => values.filter((v) => picked.includes(v)));
}

const dateSchema = z.string().trim().refine(isCalendarDate, { error: "Pick a date (YYYY-MM-DD)." });

const userSchema = (isPersonId: IsPersonId) => z.string().trim().refine(isPersonId, { error: NOT_A_PERSON });

const urlSchema = z
  .string()
  .trim()
  .max(INPUT_MAX_LENGTH, tooLong(INPUT_MAX_LENGTH))
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: "Enter a full web address, like https://example.com/dashboard.",
    }),
  );

const emailSchema = z
  .string()
  .trim()
  .max(254, tooLong(254))
  .pipe(z.email({ error: "Enter an email address, like name@example.com." }));

/** One message for a box with line problems: the first problem, and how many more to fix. */
export function describeProblems(problems: readonly string[]): string {
  const [first, ...rest] = problems;
  if (rest.length === 0) return first ?? "";
  return `${first} (${rest.length} more ${rest.length === 1 ? "problem" : "problems"} below it.)`;
}

function fromLines<T>(parse: (text: string) => LinesResult<T>) {
  return z
    .string()
    .max(INPUT_MAX_LENGTH, tooLong(INPUT_MAX_LENGTH))
    .transform((text, ctx) => {
      const result = parse(text);
      if (result.ok) return result.value;
      ctx.issues.push({ code: "custom", message: describeProblems(result.problems), input: text });
      return z.NEVER;
    });
}

function tableSchema(q: TableQuestion) {
  return fromLines((text) => parseTable(text, q)).refine(
    (rows) => formatTable(rows, q.columns).length <= INPUT_MAX_LENGTH,
    tooLong(INPUT_MAX_LENGTH),
  );
}

function valueSchemaFor(q: Question, isPersonId: IsPersonId): z.ZodType<AnswerValue | null> {
  switch (q.kind) {
    case "short_text":
    case "long_text":
      return textSchema(q);
    case "number":
      return numberSchema(q);
    case "single_select":
      return singleChoiceSchema(q);
    case "multi_select":
    case "checkboxes":
      return multiChoiceSchema(q).transform((picked) => (picked.length > 0 ? picked : null));
    case "date":
      return dateSchema;
    case "user":
      return userSchema(isPersonId);
    case "url":
      return urlSchema;
    case "email":
      return emailSchema;
    case "list":
      return fromLines((text) => parseList(text, q)).transform((items) => (items.length > 0 ? items : null));
    case "table":
      return tableSchema(q).transform((rows) => (rows.length > 0 ? rows : null));
  }
}

/**
 * Built once per question and person-id check: questions are immutable data, the check is the edge's one
 * function, and building zod schemas is not free.
 */
const schemaCache = new WeakMap<IsPersonId, WeakMap<Question, z.ZodType<AnswerValue | null>>>();

/**
 * The schema for one question: raw modal input in, stored value out; blank input is `null` (unanswered).
 * `isPersonId` is the chat platform's id check (from the edge), for the questions that pick a person.
 */
export function answerSchemaFor(question: Question, isPersonId: IsPersonId): z.ZodType<AnswerValue | null> {
  let forCheck = schemaCache.get(isPersonId);
  if (!forCheck) {
    forCheck = new WeakMap();
    schemaCache.set(isPersonId, forCheck);
  }
  let schema = forCheck.get(question);
  if (!schema) {
    schema = z.preprocess(
      (raw) => (isBlank(raw) ? null : raw),
      valueSchemaFor(question, isPersonId).nullable(),
    );
    forCheck.set(question, schema);
  }
  return schema;
}

export interface SectionValues {
  ok: true;
  /** Every question of the section: its value, or null when left empty. */
  values: Record<string, AnswerValue | null>;
  /** Required questions left empty: not an error (people may move on), shown in the summary. */
  missing: string[];
}

export interface SectionErrors {
  ok: false;
  /** One message per question whose input is malformed, keyed by question id (the block id). */
  errors: Record<string, string>;
}

/** Validates what was typed into one section's modal. Empty answers are fine; malformed ones are errors. */
export function validateSection(
  section: QuestionnaireSection,
  raw: Readonly<Record<string, RawInput>>,
  isPersonId: IsPersonId,
): SectionValues | SectionErrors {
  const values: Record<string, AnswerValue | null> = {};
  const errors: Record<string, string> = {};
  for (const question of section.questions) {
    const parsed = answerSchemaFor(question, isPersonId).safeParse(raw[question.id]);
    if (parsed.success) values[question.id] = parsed.data;
    else errors[question.id] = parsed.error.issues[0]?.message ?? "This answer is not valid.";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const missing = section.questions
    .filter((q) => q.required && !isAnswered(values[q.id], q))
    .map((q) => q.id);
  return { ok: true, values, missing };
}

/**
 * Typed text that stands in for an answer nobody has yet ("TBD", "unknown", "not sure", "?"). It is stored as
 * typed (the modal shows it again) but counts as unanswered everywhere: progress, required checks, confidence,
 * documents and open questions.
 */
const PLACEHOLDER =
  /^(tbd|tba|tbc|to be (decided|determined|confirmed|agreed)|unknown|unsure|not sure|not known( yet)?|not yet( known)?|pending|no idea|idk|i don'?t know|don'?t know|\?+|-+|\.+)[.!?]*$/i;

/** "TBD - waiting on the client", "TBC: Dana to confirm": a placeholder with a note; still no answer. */
const PLACEHOLDER_WITH_NOTE = /^(tbd|tba|tbc|to be confirmed|unknown)\s*[-–—:(,]/i;

/** "N/A", "not applicable", "none": the question does not apply to this project. */
const NOT_APPLICABLE = /^(n\/?a|not applicable|does not apply|doesn'?t apply|none|nothing)[.!]?$/i;

export const isPlaceholderText = (text: string): boolean =>
  PLACEHOLDER.test(text.trim()) || PLACEHOLDER_WITH_NOTE.test(text.trim());

/** "N/A", "not applicable": says only that the question does not apply ("none" and "nothing" say more). */
export const isOnlyNotApplicable = (text: string): boolean =>
  isNotApplicableText(text) && !/^(none|nothing)\b/i.test(text.trim());
export const isNotApplicableText = (text: string): boolean => NOT_APPLICABLE.test(text.trim());

/** Kinds whose answer is typed text; a choice's stored value ("unknown") is never read as typed text. */
const TYPED_KINDS: ReadonlySet<string> = new Set(["short_text", "long_text", "list"]);

/** What the rule needs to know of a question: whether it is required, and what kind of answer it takes. */
export interface AnswerRuleQuestion {
  required?: boolean;
  kind?: QuestionKind;
}

const texts = (value: AnswerValue) =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value) && value.every((v) => typeof v === "string")
      ? (value as string[])
      : null;

/**
 * answered; not_applicable: an optional question answered "N/A" (every item, for a list); unanswered: nothing
 * stored, or only placeholders. A required question applies to every project, so "N/A" there is unanswered:
 * it stays an open question until someone gives the answer.
 */
export type AnswerState = "answered" | "not_applicable" | "unanswered";

export function answerState(
  value: AnswerValue | null | undefined,
  question?: AnswerRuleQuestion,
): AnswerState {
  if (value === null || value === undefined) return "unanswered";
  if (typeof value === "number") return "answered";
  if (value.length === 0) return "unanswered";
  if (question?.kind !== undefined && !TYPED_KINDS.has(question.kind)) return "answered";
  const typed = texts(value)?.filter((t) => t.trim() !== "");
  if (!typed) return "answered";
  if (typed.length === 0 || typed.every(isPlaceholderText)) return "unanswered";
  if (typed.every(isNotApplicableText)) return question?.required ? "unanswered" : "not_applicable";
  return "answered";
}

/** Answered, or "not applicable" to an optional question. The one rule progress, checks and analysis use. */
export function isAnswered(
  value: AnswerValue | null | undefined,
  question?: AnswerRuleQuestion,
): value is AnswerValue {
  return answerState(value, question) !== "unanswered";
}

/** Something is stored, whatever it says: what the modal shows again. */
const isStored = (value: AnswerValue | null | undefined): value is AnswerValue =>
  value !== null && value !== undefined && (typeof value === "number" || value.length > 0);

/** A stored value as the modal shows it again: lists and tables back to lines, numbers to text. */
export function formatAnswerForInput(question: Question, value: AnswerValue | null | undefined): RawInput {
  if (!isStored(value)) return null;
  if (question.kind === "list" && Array.isArray(value)) return formatList(value as string[]);
  if (question.kind === "table" && Array.isArray(value))
    return formatTable(value as TableRow[], question.columns);
  if (typeof value === "number") return String(value);
  return value as string | string[];
}

/**
 * A stored table too big for its box: more rows than the question takes, or longer than a box holds once
 * written out (an imported sheet). The modal shows it as a summary, and saving the section keeps it.
 */
export function isTooBigForBox(question: Question, value: AnswerValue | null | undefined): boolean {
  if (question.kind !== "table" || !Array.isArray(value) || typeof value[0] !== "object") return false;
  const rows = value as TableRow[];
  const maxRows = question.maxRows ?? LINE_LIMITS.maxRows;
  return rows.length > maxRows || formatTable(rows, question.columns).length > maxLengthFor(question);
}

/** What a summarised answer's one checkbox sends when ticked: clear the stored rows. */
export const CLEAR_STORED_ANSWER = "clear";

export interface SalvagedSection {
  /** Every question whose input is valid (null when left empty). */
  valid: Record<string, AnswerValue | null>;
  /** Malformed input, kept exactly as typed so nothing is lost. */
  invalid: Record<string, RawInput>;
}

/** Splits a section's input into what can be saved now and what must be kept as typed. */
export function salvageSection(
  section: QuestionnaireSection,
  raw: Readonly<Record<string, RawInput>>,
  isPersonId: IsPersonId,
): SalvagedSection {
  const valid: Record<string, AnswerValue | null> = {};
  const invalid: Record<string, RawInput> = {};
  for (const question of section.questions) {
    const parsed = answerSchemaFor(question, isPersonId).safeParse(raw[question.id]);
    if (parsed.success) valid[question.id] = parsed.data;
    else invalid[question.id] = raw[question.id];
  }
  return { valid, invalid };
}
