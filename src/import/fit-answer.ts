import { hasPersonIdShape } from "../domain/person-id.js";
import { type AnswerValue, answerSchemaFor } from "../domain/questionnaire/answers.js";
import type { Question, TableQuestion } from "../domain/questionnaire/definition.js";
import { LINE_LIMITS, matchOption, type TableRow } from "../domain/questionnaire/line-formats.js";
import { truncateText } from "../domain/text.js";

/**
 * Whether a value read from a file fits a question as it is asked now, and the stored value if it does.
 * Text, choices, dates, people, addresses and numbers go through the interview's own schema; lists and
 * tables are checked cell by cell here, without the modal's 30-line cap (a mapping sheet may have 200 rows).
 */
export type Fit = { ok: true; value: AnswerValue } | { ok: false; why: string };

const asRaw = (value: AnswerValue): string | string[] | null => {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (value.every((v) => typeof v === "string")) return value as string[];
  return null;
};

/**
 * A cell or item on one line: a quoted CSV cell or an Alt-Enter spreadsheet cell may hold line breaks, and a
 * tab would split the row when the modal shows it again; a box holds one row or item per line.
 */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n\t]+\s*/g, " ").trim();

function fitTable(question: TableQuestion, value: AnswerValue): Fit {
  if (!Array.isArray(value) || value.some((r) => typeof r !== "object" || r === null))
    return { ok: false, why: "expected rows of a table" };
  const rows: TableRow[] = [];
  for (const [i, row] of (value as TableRow[]).entries()) {
    const out: TableRow = {};
    for (const column of question.columns) {
      const cell = oneLine(String(row[column.id] ?? ""));
      if (cell === "") {
        if (!column.optional)
          return { ok: false, why: `row ${i + 1}: ${column.label.toLowerCase()} is empty` };
        if (column.id in row) out[column.id] = "";
        continue;
      }
      if (cell.length > LINE_LIMITS.itemLength)
        return { ok: false, why: `row ${i + 1}: ${column.label.toLowerCase()} is too long` };
      if (column.options) {
        const option = matchOption(cell, column.options);
        if (!option)
          return {
            ok: false,
            why: `row ${i + 1}: ${column.label.toLowerCase()} must be one of ${column.options.join(", ")}`,
          };
        out[column.id] = option;
      } else out[column.id] = cell;
    }
    rows.push(out);
  }
  return rows.length > 0 ? { ok: true, value: rows } : { ok: false, why: "no rows" };
}

export function fitAnswer(question: Question, value: AnswerValue): Fit {
  if (question.kind === "table") return fitTable(question, value);
  if (question.kind === "list") {
    if (typeof value === "string") value = value.split(/\r?\n/);
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
      return { ok: false, why: "expected a list of lines" };
    const items = (value as string[]).map(oneLine).filter((v) => v !== "");
    const long = items.find((v) => v.length > LINE_LIMITS.itemLength);
    if (long) return { ok: false, why: `an item is longer than ${LINE_LIMITS.itemLength} characters` };
    return items.length > 0 ? { ok: true, value: items } : { ok: false, why: "the list is empty" };
  }
  const raw = asRaw(value);
  if (raw === null) return { ok: false, why: `not a ${question.kind.replace("_", " ")} answer` };
  if (question.kind === "number" && typeof value !== "number" && typeof value !== "string")
    return { ok: false, why: "expected a number" };
  if (["short_text", "long_text", "url", "email", "date", "user", "single_select"].includes(question.kind)) {
    if (typeof raw !== "string") return { ok: false, why: "expected one value, not a list" };
  }
  if ((question.kind === "multi_select" || question.kind === "checkboxes") && typeof raw === "string")
    return { ok: false, why: "expected a list of options" };
  const parsed = answerSchemaFor(question, hasPersonIdShape).safeParse(raw);
  if (!parsed.success) return { ok: false, why: parsed.error.issues[0]?.message ?? "does not fit" };
  if (parsed.data === null) return { ok: false, why: "empty" };
  return { ok: true, value: parsed.data };
}

/** Short text for the review's "could not place" list. */
export function shorten(text: string, max = 200): string {
  return truncateText(text.replace(/\s+/g, " ").trim(), max);
}
