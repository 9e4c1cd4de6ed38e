import type { ListQuestion, TableColumn, TableQuestion } from "./definition.js";

/**
 * The two text formats people type into a multiline box: a list (one item per line) and a table
 * (one row per line, cells separated by `|`). Parsers name the line of every problem; formatters
 * turn stored values back into the same text so a person can edit what they wrote.
 */

export type TableRow = Record<string, string>;

export type LinesResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export const LINE_LIMITS = { maxItems: 30, maxRows: 30, itemLength: 500 } as const;

/** "- item", "* item", "• item", "1. item" and "1) item" all mean "item". */
const BULLET = /^(?:[-*•]|\d{1,3}[.)])(?:\s+|$)/;
/** A Markdown table's separator line, e.g. `|---|:---:|`. */
const MARKDOWN_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

const withoutBullet = (line: string) => line.trim().replace(BULLET, "").trim();

/** Numbered non-blank lines, numbered as the person sees them in the box. */
function contentLines(text: string): Array<{ number: number; text: string }> {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ number: i + 1, text: withoutBullet(line) }))
    .filter((line) => line.text !== "");
}

export function parseList(text: string, question: Pick<ListQuestion, "maxItems">): LinesResult<string[]> {
  const maxItems = question.maxItems ?? LINE_LIMITS.maxItems;
  const lines = contentLines(text);
  const problems = lines
    .filter((line) => line.text.length > LINE_LIMITS.itemLength)
    .map(
      (line) =>
        `Line ${line.number}: ${line.text.length} characters is too long (at most ${LINE_LIMITS.itemLength}).`,
    );
  if (lines.length > maxItems)
    problems.push(`At most ${maxItems} items, one per line; this has ${lines.length}.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: lines.map((line) => line.text) };
}

export function formatList(items: readonly string[]): string {
  return items.join("\n");
}

const columnNames = (columns: readonly TableColumn[]) =>
  columns.map((c) => c.label.toLowerCase()).join(" | ");

/** How many cells a row may have: trailing optional columns may be left off. */
function cellCountRange(columns: readonly TableColumn[]): { min: number; max: number } {
  let min = columns.length;
  while (min > 1 && columns[min - 1]?.optional) min--;
  return { min, max: columns.length };
}

function splitCells(line: string): string[] {
  return line
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

const isHeaderRow = (cells: string[], columns: readonly TableColumn[]) =>
  cells.length === columns.length &&
  cells.every((cell, i) => cell.toLowerCase() === columns[i]?.label.toLowerCase());

/** "med" → "Medium", "HIGH" → "High": an exact match (any case) or a prefix only one option has. */
export function matchOption(input: string, options: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  const exact = options.find((o) => o.toLowerCase() === wanted);
  if (exact) return exact;
  const byPrefix = options.filter((o) => o.toLowerCase().startsWith(wanted));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

const listInWords = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;

function parseCell(column: TableColumn, cell: string): { value: string } | { problem: string } {
  const name = column.label.toLowerCase();
  if (cell === "") return column.optional ? { value: "" } : { problem: `${name} is empty.` };
  if (cell.length > LINE_LIMITS.itemLength) {
    return { problem: `${name} is too long (${cell.length} characters, at most ${LINE_LIMITS.itemLength}).` };
  }
  if (!column.options) return { value: cell };
  const option = matchOption(cell, column.options);
  return option
    ? { value: option }
    : { problem: `${name} must be ${listInWords(column.options)}, not "${cell}".` };
}

function parseRow(cells: string[], columns: readonly TableColumn[]): { row: TableRow } | { problem: string } {
  const { min, max } = cellCountRange(columns);
  if (cells.length < min || cells.length > max) {
    const expected = min === max ? `${max}` : `${min} to ${max}`;
    return { problem: `expected ${expected} columns (${columnNames(columns)}), got ${cells.length}.` };
  }
  const row: TableRow = {};
  for (const [i, column] of columns.entries()) {
    const cell = parseCell(column, cells[i] ?? "");
    if ("problem" in cell) return cell;
    row[column.id] = cell.value;
  }
  return { row };
}

export function parseTable(
  text: string,
  question: Pick<TableQuestion, "columns" | "maxRows">,
): LinesResult<TableRow[]> {
  const maxRows = question.maxRows ?? LINE_LIMITS.maxRows;
  const rows: TableRow[] = [];
  const problems: string[] = [];
  for (const line of contentLines(text)) {
    if (MARKDOWN_SEPARATOR.test(line.text)) continue;
    const cells = splitCells(line.text);
    if (isHeaderRow(cells, question.columns)) continue;
    const parsed = parseRow(cells, question.columns);
    if ("problem" in parsed) problems.push(`Line ${line.number}: ${parsed.problem}`);
    else rows.push(parsed.row);
  }
  if (rows.length > maxRows) problems.push(`At most ${maxRows} rows, one per line; this has ${rows.length}.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: rows };
}

export function formatTable(rows: readonly TableRow[], columns: readonly TableColumn[]): string {
  return rows
    .map((row) =>
      columns
        .map((c) => row[c.id] ?? "")
        .join(" | ")
        .replace(/(?: \| )+$/, ""),
    )
    .join("\n");
}

/** The format reminder shown under a list or table box. */
export function listFormatHint(): string {
  return "One per line.";
}

export function tableFormatHint(columns: readonly TableColumn[]): string {
  const cells = columns.map((c) => (c.optional ? `${c.label} (optional)` : c.label)).join(" | ");
  return `One row per line: ${cells}`;
}
