import {
  type AnswerValue,
  CLEAR_STORED_ANSWER,
  formatAnswerForInput,
  isTooBigForBox,
  maxLengthFor,
  type RawInput,
} from "../../domain/questionnaire/answers.js";
import type { Question } from "../../domain/questionnaire/definition.js";
import { listFormatHint, tableFormatHint } from "../../domain/questionnaire/line-formats.js";
import { cutText, type SystemNames, withSystemNames } from "../../domain/text.js";
import {
  type InputBlockElement,
  input,
  LIMITS,
  option,
  type PlainTextOption,
  plainText,
} from "./block-kit.js";

/**
 * One interview question as a modal input block: block_id and action_id are the question id, the
 * element fits the question's kind, and the stored answer is shown again as the initial value.
 * Every block is optional so people can move on; required questions say so in their hint.
 */

const REQUIRED_HINT = "Needed for the plan.";

function hintFor(question: Question): string {
  const format =
    question.kind === "list"
      ? listFormatHint()
      : question.kind === "table"
        ? tableFormatHint(question.columns, question)
        : undefined;
  return [question.required ? REQUIRED_HINT : undefined, question.hint, format].filter(Boolean).join(" ");
}

const asText = (value: RawInput) => (typeof value === "string" ? value : undefined);
const asList = (value: RawInput): readonly string[] => (Array.isArray(value) ? value : []);

function elementFor(question: Question, initial: RawInput, placeholder?: string): InputBlockElement {
  const withPlaceholder = {
    action_id: question.id,
    ...(placeholder ? { placeholder: plainText(placeholder, LIMITS.placeholder) } : {}),
  };
  const text = asText(initial);
  switch (question.kind) {
    case "short_text":
    case "long_text":
    case "list":
    case "table": {
      const max = maxLengthFor(question);
      return {
        type: "plain_text_input",
        ...withPlaceholder,
        multiline: question.kind !== "short_text",
        max_length: max,
        ...(text ? { initial_value: cutText(text, max) } : {}),
      };
    }
    case "number":
      return {
        type: "number_input",
        ...withPlaceholder,
        is_decimal_allowed: !question.integer,
        ...(question.min !== undefined ? { min_value: String(question.min) } : {}),
        ...(question.max !== undefined ? { max_value: String(question.max) } : {}),
        ...(text ? { initial_value: text } : {}),
      };
    case "single_select": {
      const options = question.options.map((o) => option(o.label, o.value));
      const chosen = options.find((o) => o.value === text);
      return {
        type: "static_select",
        ...withPlaceholder,
        options,
        ...(chosen ? { initial_option: chosen } : {}),
      };
    }
    case "multi_select":
    case "checkboxes": {
      const options = question.options.map((o) => option(o.label, o.value));
      const chosen: PlainTextOption[] = options.filter((o) => asList(initial).includes(o.value ?? ""));
      const initialOptions = chosen.length > 0 ? { initial_options: chosen } : {};
      return question.kind === "checkboxes"
        ? { type: "checkboxes", action_id: question.id, options, ...initialOptions }
        : { type: "multi_static_select", ...withPlaceholder, options, ...initialOptions };
    }
    case "date":
      return { type: "datepicker", ...withPlaceholder, ...(text ? { initial_date: text } : {}) };
    case "user":
      return { type: "users_select", ...withPlaceholder, ...(text ? { initial_user: text } : {}) };
    case "url":
      return { type: "url_text_input", ...withPlaceholder, ...(text ? { initial_value: text } : {}) };
    case "email":
      return { type: "email_text_input", ...withPlaceholder, ...(text ? { initial_value: text } : {}) };
  }
}

/**
 * A stored table too big for a box (an imported sheet) is summarised, not put in a box it would not fit:
 * saving the section keeps it, and its one checkbox clears it (read back as the question's input).
 */
function summaryInput(question: Question, answer: AnswerValue, label: string): ReturnType<typeof input> {
  const rows = Array.isArray(answer) ? answer.length : 0;
  return input(
    question.id,
    label,
    {
      type: "checkboxes",
      action_id: question.id,
      options: [option(`Clear all ${rows} rows`, CLEAR_STORED_ANSWER)],
    },
    {
      optional: true,
      hint: `${label}: ${rows} rows, too long to edit here; saving keeps them. Import a new sheet with /intplan import to replace them, or tick the box to clear them.`,
    },
  );
}

export function buildQuestionInput(
  question: Question,
  answer: AnswerValue | undefined,
  systems: SystemNames,
): ReturnType<typeof input> {
  const named = (text: string) => withSystemNames(text, systems);
  if (answer !== undefined && isTooBigForBox(question, answer))
    return summaryInput(question, answer, named(question.label));
  const hint = hintFor(question);
  const placeholder = question.placeholder ? named(question.placeholder) : undefined;
  return input(
    question.id,
    named(question.label),
    elementFor(question, formatAnswerForInput(question, answer), placeholder),
    { optional: true, ...(hint ? { hint: named(hint) } : {}) },
  );
}
