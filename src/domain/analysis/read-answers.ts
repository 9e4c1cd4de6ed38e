import {
  type Answers,
  isNotApplicableText,
  isOnlyNotApplicable,
  isPlaceholderText,
} from "../questionnaire/answers.js";

/**
 * Typed reads of stored answers by question id. Defensive: answers files may be old or hand-made. A
 * placeholder ("TBD", "?") reads as no answer, as it counts everywhere (answers.ts). Text "None" stays an
 * answer ("batch operations: none" says there are none); a list item "N/A" is no item.
 */
export function readText(answers: Answers, id: string): string | null {
  const value = answers[id];
  // "N/A" tells the estimates nothing ("none" does: no quirks, no batch operations).
  return typeof value === "string" &&
    value.trim() !== "" &&
    !isPlaceholderText(value) &&
    !isOnlyNotApplicable(value)
    ? value.trim()
    : null;
}

export function readNumber(answers: Answers, id: string): number | null {
  const value = answers[id];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A list, or the selected values of a multi-select or checkboxes question. */
export function readList(answers: Answers, id: string): string[] {
  const value: unknown = answers[id];
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (v): v is string =>
        typeof v === "string" && v.trim() !== "" && !isPlaceholderText(v) && !isNotApplicableText(v),
    )
    .map((v) => v.trim());
}
