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

/** A line as typed, with the lines indented under it that continue it. */
interface TypedLine {
  /** The line's number in the box, as the person sees it. */
  number: number;
  /** The line without its bullet, trimmed. */
  text: string;
  /** The raw line (a spreadsheet row keeps its leading empty cells). */
  raw: string;
  /** Indented lines under it, trimmed: they continue its text (its last cell in a table). */
  continued: string[];
}

/**
 * An indented line that is not a bullet continues the item above it (a wrapped line); in a table, a line
 * with a tab or a `|` holds cells of its own, so it is a row (an indented table, a sheet's row whose first
 * cell is empty), never a continuation.
 */
const isContinuation = (line: string, previous: TypedLine | undefined, table: boolean) =>
  previous !== undefined &&
  /^[ \t]/.test(line) &&
  !BULLET.test(line.trim()) &&
  !(table && /\t|(?<!\\)\|/.test(line));

/** Numbered non-blank lines, numbered as the person sees them in the box, with their continuations. */
function typedLines(text: string, table: boolean): TypedLine[] {
  const lines: TypedLine[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const content = withoutBullet(raw);
    if (content === "") continue;
    const previous = lines[lines.length - 1];
    if (previous && isContinuation(raw, previous, table)) previous.continued.push(raw.trim());
    else lines.push({ number: i + 1, text: content, raw, continued: [] });
  }
  return lines;
}

const joined = (line: TypedLine) => [line.text, ...line.continued].join(" ");

export function parseList(text: string, question: Pick<ListQuestion, "maxItems">): LinesResult<string[]> {
  const maxItems = question.maxItems ?? LINE_LIMITS.maxItems;
  const lines = typedLines(text, false).map((line) => ({ number: line.number, text: joined(line) }));
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

/** A `|` that separates cells: one not written as `\|`. */
const CELL_BAR = /(?<!\\)\|/;
/** `->` or `→` between a mapping's first two cells. */
const MAPPING_ARROW = /\s*(?:->|→)\s*/;

const unescapeBars = (cell: string) => cell.replaceAll("\\|", "|").trim();

/**
 * A row's cells: a line with a tab is a row pasted from a spreadsheet and splits on tabs (so `|` in it is
 * text); otherwise cells are separated by `|` (outer bars allowed, `\|` is a bar in a cell). In a mapping
 * table the first two cells may be written `source -> target`.
 */
function splitCells(line: TypedLine, mapping: boolean): string[] {
  const fromSheet = line.raw.includes("\t");
  const cells = fromSheet
    ? line.raw.split("\t").map((cell) => cell.trim())
    : line.text
        .replace(/^\|/, "")
        .replace(/(?<!\\)\|$/, "")
        .split(CELL_BAR)
        .map(unescapeBars);
  if (mapping && cells.length > 0) {
    const [first = "", ...rest] = cells;
    const [source, ...target] = first.split(MAPPING_ARROW);
    if (target.length > 0) cells.splice(0, cells.length, source ?? "", target.join(" -> "), ...rest);
  }
  if (line.continued.length > 0 && cells.length > 0) {
    const last = cells.length - 1;
    cells[last] = [cells[last], ...line.continued.map(unescapeBars)].filter(Boolean).join(" ");
  }
  return cells;
}

const headerWord = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, "");

/** A header row (typed, or pasted with a sheet): every cell names its column, by label or id. */
function isHeaderRow(cells: string[], columns: readonly TableColumn[]): boolean {
  const { min, max } = cellCountRange(columns);
  if (cells.length < min || cells.length > max) return false;
  return cells.every((cell, i) => {
    const column = columns[i];
    return column !== undefined && [column.label, column.id].some((n) => headerWord(n) === headerWord(cell));
  });
}

/** "med" → "Medium", "HIGH" → "High": an exact match (any case) or a prefix only one option has. */
export function matchOption(input: string, options: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  const exact = options.find((o) => o.toLowerCase() === wanted);
  if (exact) return exact;
  const byPrefix = options.filter((o) => o.toLowerCase().startsWith(wanted));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/**
 * The rating scales a cell may be on, and the other ways people write a rating on each: priorities and
 * severities (P1, Sev1: 1 is the most severe) and plain numbers. On Low/Medium/High a number is a 1–5
 * rating (1–2 Low, 3 Medium, 4–5 High) and P1/Sev1 is High (there is no Critical); on
 * Critical/High/Medium/Low a number is a priority (1 Critical … 4 Low; 5 is Low too). Words and their
 * short forms (H, Hi, Med, Lo) are matched by `matchOption` as a unique prefix.
 */
const RATING_SCALES: ReadonlyArray<{
  options: readonly string[];
  /** By 1 to 5. */
  numbers: readonly string[];
  /** P1 to P5 and Sev1 to Sev5. */
  priorities: readonly string[];
  /** How the format hint names the other forms. */
  forms: string;
}> = [
  {
    options: ["Low", "Medium", "High"],
    numbers: ["Low", "Low", "Medium", "High", "High"],
    priorities: ["High", "High", "Medium", "Low", "Low"],
    forms: "H/M/L, Hi/Med/Lo, 1–5 (5 highest) or P1–P4",
  },
  {
    options: ["Critical", "High", "Medium", "Low"],
    numbers: ["Critical", "High", "Medium", "Low", "Low"],
    priorities: ["Critical", "High", "Medium", "Low", "Low"],
    forms: "P1–P4, Sev1–Sev4 or 1–4 (1 most severe), H/M/L",
  },
];

const sameOptions = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((o) => b.some((p) => p.toLowerCase() === o.toLowerCase()));

const scaleOf = (options: readonly string[]) => RATING_SCALES.find((s) => sameOptions(s.options, options));

/** A rating cell on its column's scale: the option's own words, or a number, P1 or Sev1 form. */
export function matchRating(input: string, options: readonly string[]): string | undefined {
  const word = matchOption(input, options);
  if (word) return word;
  const scale = scaleOf(options);
  const form = /^(p|sev|s)?\s*-?\s*([1-5])$/i.exec(input.trim());
  if (!scale || !form) return undefined;
  const rank = Number(form[2]) - 1;
  const picked = form[1] ? scale.priorities[rank] : scale.numbers[rank];
  return options.find((o) => o.toLowerCase() === picked?.toLowerCase());
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
  const option = matchRating(cell, column.options);
  if (option) return { value: option };
  const forms = scaleOf(column.options)?.forms;
  return {
    problem: `${name} must be ${listInWords(column.options)}${forms ? ` (or ${forms})` : ""}, not "${cell}".`,
  };
}

function parseRow(cells: string[], columns: readonly TableColumn[]): { row: TableRow } | { problem: string } {
  const { min, max } = cellCountRange(columns);
  // Empty cells at the end (a sheet's blank columns, a trailing tab) are cells left off.
  while (cells.length > min && cells[cells.length - 1] === "") cells.pop();
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
  question: Pick<TableQuestion, "columns" | "maxRows" | "mapping">,
): LinesResult<TableRow[]> {
  const maxRows = question.maxRows ?? LINE_LIMITS.maxRows;
  const rows: TableRow[] = [];
  const problems: string[] = [];
  for (const line of typedLines(text, true)) {
    if (MARKDOWN_SEPARATOR.test(line.text)) continue;
    const cells = splitCells(line, question.mapping === true);
    if (isHeaderRow(cells, question.columns)) continue;
    const parsed = parseRow(cells, question.columns);
    if ("problem" in parsed) problems.push(`Line ${line.number}: ${parsed.problem}`);
    else rows.push(parsed.row);
  }
  if (rows.length > maxRows) problems.push(`At most ${maxRows} rows, one per line; this has ${rows.length}.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: rows };
}

/** Rows back to the lines they were typed as: a bar in a cell is written `\|`, so it reads back the same. */
export function formatTable(rows: readonly TableRow[], columns: readonly TableColumn[]): string {
  return rows
    .map((row) =>
      columns
        .map((c) => (row[c.id] ?? "").replaceAll("|", "\\|"))
        .join(" | ")
        .replace(/(?: \| )+$/, ""),
    )
    .join("\n");
}

/** The format reminder shown under a list or table box. */
export function listFormatHint(): string {
  return "One per line; indent a line to continue the one above.";
}

/** The rating columns' other accepted forms, e.g. "Severity: Critical, High, Medium or Low (or P1–P4…)". */
function ratingHints(columns: readonly TableColumn[]): string[] {
  const byScale = new Map<string, { labels: string[]; options: readonly string[]; forms: string }>();
  for (const column of columns) {
    const scale = column.options ? scaleOf(column.options) : undefined;
    if (!column.options || !scale) continue;
    const entry = byScale.get(scale.forms) ?? { labels: [], options: column.options, forms: scale.forms };
    entry.labels.push(column.label);
    byScale.set(scale.forms, entry);
  }
  return [...byScale.values()].map(
    (e) => `${e.labels.join(" and ")}: ${listInWords(e.options)} (or ${e.forms}).`,
  );
}

export function tableFormatHint(
  columns: readonly TableColumn[],
  question: Pick<TableQuestion, "mapping"> = {},
): string {
  const cells = columns.map((c) => (c.optional ? `${c.label} (optional)` : c.label)).join(" | ");
  const ways = question.mapping
    ? "Cells split by | or tabs (paste from a sheet); source -> target works too; \\| is a bar in a cell."
    : "Cells split by | or tabs (paste from a sheet); \\| is a bar in a cell.";
  return [`One row per line: ${cells}.`, ways, ...ratingHints(columns)].join(" ");
}
