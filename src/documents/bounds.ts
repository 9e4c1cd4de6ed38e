import type { Answers, AnswerValue } from "../domain/questionnaire/answers.js";
import { INPUT_MAX_LENGTH, maxLengthFor } from "../domain/questionnaire/answers.js";
import { allQuestions, type Question, type Questionnaire } from "../domain/questionnaire/definition.js";
import { LINE_LIMITS } from "../domain/questionnaire/line-formats.js";
import { truncateText } from "../domain/text.js";

/**
 * Documents stay publishable whatever the data. A canvas's `document_content` is at most 1 MiB and each
 * of its tables at most 300 cells (https://docs.slack.dev/surfaces/canvases#markdown-formatting); Slack
 * answers an oversized edit as a permanent failure, so a document over the limit could never be updated
 * again. Every list a document shows is bounded here, with a line saying what was left out and where to
 * see it; a document still too big is rendered again with less of each answer, and as a last resort cut
 * at a section boundary with a note (`fitToBytes`).
 */

/** Slack's limit on a canvas's markdown (and what a file export is kept under too). */
export const DOCUMENT_MAX_BYTES = 1024 * 1024;
/** What a rendered document aims for: under the limit with room to spare. */
export const DOCUMENT_BUDGET_BYTES = 1_000_000;

/** The open blockers the plan lists, the most recent ones; the rest are one line away. */
export const PLAN_BLOCKER_LINES = 50;

/** Where every answer can be seen whole, as plain text (it is escaped like any typed text). */
const ANSWERS_ELSEWHERE = "in /intplan interview";

/** How much of each answer a document shows. The first level is everything the interview accepts. */
export interface DetailLevel {
  /** Characters of a text answer. */
  textLength: number;
  /** Characters of a list item or a table cell. */
  itemLength: number;
  /** Items of a list. */
  items: number;
  /** Rows of a table: at most 30 rows and the "more" row, 32 lines of at most 5 columns, stay under 300 cells. */
  rows: number;
  /**
   * Rows of a mapping (field mappings, which an imported sheet may make hundreds long): the documents show
   * it as several tables of at most 300 cells each (`tablesOf`), so the first level shows it whole.
   */
  mappingRows: number;
}

export const DETAIL_LEVELS: readonly DetailLevel[] = [
  {
    textLength: INPUT_MAX_LENGTH,
    itemLength: LINE_LIMITS.itemLength,
    items: LINE_LIMITS.maxItems,
    rows: LINE_LIMITS.maxRows,
    mappingRows: Number.POSITIVE_INFINITY,
  },
  { textLength: 1000, itemLength: 200, items: 10, rows: 10, mappingRows: 100 },
  { textLength: 200, itemLength: 80, items: 5, rows: 5, mappingRows: 10 },
];

const textCut = (text: string, max: number) =>
  truncateText(text, max, ` … (cut here: the whole answer is ${ANSWERS_ELSEWHERE})`);
const cellCut = (text: string, max: number) => truncateText(text, max);
export const moreLine = (count: number, what: string) => `…and ${count} more ${what} ${ANSWERS_ELSEWHERE}`;

/** Whether a list item or a table's first cell is the line `moreLine` wrote, not an answer. */
export const isMoreLine = (text: string): boolean =>
  /^…and \d+ more (items?|rows?) /.test(text) && text.endsWith(ANSWERS_ELSEWHERE);

function boundList(value: unknown[], level: DetailLevel): AnswerValue {
  const items = value.filter((v): v is string => typeof v === "string");
  const shown = items.slice(0, level.items).map((item) => cellCut(item, level.itemLength));
  const left = items.length - shown.length;
  return left > 0 ? [...shown, moreLine(left, left === 1 ? "item" : "items")] : shown;
}

function boundTable(
  question: Question & { kind: "table" },
  value: unknown[],
  level: DetailLevel,
): AnswerValue {
  const rows = value.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null);
  const shown = rows
    .slice(0, question.mapping ? level.mappingRows : level.rows)
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, cell]) => [
          key,
          typeof cell === "string" ? cellCut(cell, level.itemLength) : cell,
        ]),
      ),
    );
  const left = rows.length - shown.length;
  if (left <= 0) return shown as AnswerValue;
  const [first, ...others] = question.columns;
  const more = Object.fromEntries([
    [first?.id ?? "", moreLine(left, left === 1 ? "row" : "rows")],
    ...others.map((c) => [c.id, "…"]),
  ]);
  return [...shown, more] as AnswerValue;
}

function boundValue(question: Question, value: AnswerValue, level: DetailLevel): AnswerValue {
  if (typeof value === "string") {
    return textCut(value, Math.min(level.textLength, maxLengthFor(question)));
  }
  if (!Array.isArray(value)) return value;
  if (question.kind === "table") return boundTable(question, value as unknown[], level);
  if (question.kind === "list") return boundList(value as unknown[], level);
  // Choices: at most the question's options, each a short stored value.
  return value;
}

/** The answers as a document shows them at this level of detail: every text, list and table bounded. */
export function boundAnswers(questionnaire: Questionnaire, answers: Answers, level: DetailLevel): Answers {
  const bounded: Record<string, AnswerValue> = { ...(answers as Record<string, AnswerValue>) };
  for (const question of allQuestions(questionnaire)) {
    const value = bounded[question.id];
    if (value !== undefined && value !== null) bounded[question.id] = boundValue(question, value, level);
  }
  return bounded as Answers;
}

/** The most recent `max` of a list kept oldest first, and how many older ones were left out. */
export function mostRecent<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  const shown = items.slice(Math.max(0, items.length - max));
  return { shown, more: items.length - shown.length };
}

const CUT_NOTE = [
  "---",
  "",
  "_This document stops here: the rest would take it over Slack's 1 MiB limit for a canvas. Every answer is in `/intplan interview`, the open blockers in `/intplan blockers`._",
  "",
].join("\n");

/** Byte offsets of the lines that start a heading (h1 to h3), outside fenced code blocks. */
function headingByteOffsets(markdown: string): number[] {
  const offsets: number[] = [];
  let fence: string | null = null;
  let bytes = 0;
  for (const line of markdown.split("\n")) {
    const opening = /^(`{3,})/.exec(line)?.[1];
    if (fence === null && opening) fence = opening;
    else if (fence !== null && line.trim() === fence) fence = null;
    else if (fence === null && /^#{1,3} /.test(line)) offsets.push(bytes);
    bytes += Buffer.byteLength(line) + 1;
  }
  return offsets;
}

/**
 * The last-resort guard: a document over `maxBytes` is cut before the last section heading that lets it
 * fit, with a note saying so and where the rest is, so it can always be sent. Fitting documents are
 * returned as they are.
 */
export function fitToBytes(markdown: string, maxBytes: number = DOCUMENT_BUDGET_BYTES): string {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown;
  const bytes = Buffer.from(markdown, "utf8");
  const room = maxBytes - Buffer.byteLength(CUT_NOTE) - 1;
  const boundary = headingByteOffsets(markdown)
    .filter((offset) => offset > 0 && offset <= room)
    .at(-1);
  // No section fits whole (one enormous first section): cut at the last line break that fits. A newline
  // byte is never inside a multi-byte character, so the cut is always whole characters.
  const end = boundary ?? bytes.lastIndexOf(0x0a, room - 1) + 1;
  return `${bytes.subarray(0, end).toString("utf8")}\n${CUT_NOTE}`;
}
