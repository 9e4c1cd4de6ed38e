/**
 * Canvases for the Slack emulator: conversations.canvases.create, canvases.create, canvases.edit, canvases.delete and
 * canvases.sections.lookup, over markdown kept as text. A section is a heading (h1–h3) and the lines up to
 * the next heading; its id is derived from the heading line, so it survives edits elsewhere in the canvas.
 */
import { createHash } from "node:crypto";
import { loneSurrogateErrors } from "./block-kit-limits.js";
import {
  type CanvasChange,
  type EmulatorState,
  fail,
  type MethodHandler,
  type SlackArgs,
  type StoredCanvas,
  stringArg,
} from "./slack-emulator-state.js";

export const MAX_CANVAS_MARKDOWN_BYTES = 1024 * 1024;
/** "Tables (at most 300 cells each)": https://docs.slack.dev/surfaces/canvases#markdown-formatting */
export const MAX_CANVAS_TABLE_CELLS = 300;
const OPERATIONS = ["replace", "insert_after", "insert_before", "insert_at_start", "insert_at_end", "delete"];
const NEEDS_SECTION = ["insert_after", "insert_before", "delete"];

interface Section {
  id: string;
  level: number;
  heading: string;
  /** Line range [start, end) of the heading and its content. */
  start: number;
  end: number;
}

/** Lines of markdown, ignoring one trailing newline. */
const linesOf = (markdown: string) => (markdown === "" ? [] : markdown.replace(/\n$/, "").split("\n"));
const markdownOf = (lines: string[]) => (lines.length === 0 ? "" : `${lines.join("\n")}\n`);

/** Indexes of lines that are outside fenced code blocks. */
function proseLineIndexes(lines: string[]): number[] {
  let inFence = false;
  return lines.flatMap((line, i) => {
    if (line.startsWith("```")) inFence = !inFence;
    return inFence || line.startsWith("```") ? [] : [i];
  });
}

const isTableLine = (line: string) => line.trimStart().startsWith("|");
const isSeparatorLine = (line: string) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
/** `| a | b |` → 2 (a backslash-escaped `\|` is text, not a cell border). */
const cellsIn = (line: string) =>
  line.trim().replace(/\\\|/g, "").replace(/^\|/, "").replace(/\|$/, "").split("|").length;

/** The number of cells of each table (consecutive `|` lines outside code; the header row counts, the separator not). */
export function tableCellCounts(lines: string[], prose: number[]): number[] {
  const counts: number[] = [];
  let previous = -2;
  for (const i of prose) {
    const line = lines[i] ?? "";
    if (!isTableLine(line)) continue;
    if (i !== previous + 1) counts.push(0);
    previous = i;
    if (!isSeparatorLine(line)) counts[counts.length - 1] = (counts.at(-1) ?? 0) + cellsIn(line);
  }
  return counts;
}

/** The markdown features canvases refuse, plus the size and table limits; conservative on purpose. */
export function canvasContentErrors(content: unknown, path: string): string[] {
  const document = content as { type?: unknown; markdown?: unknown } | undefined;
  if (document?.type !== "markdown" || typeof document.markdown !== "string") {
    return [`${path}: must be {type: "markdown", markdown: string}`];
  }
  const lines = linesOf(document.markdown);
  const prose = proseLineIndexes(lines);
  const errors: string[] = [];
  const bytes = Buffer.byteLength(document.markdown);
  if (bytes > MAX_CANVAS_MARKDOWN_BYTES)
    errors.push(`${path}.markdown: ${bytes} bytes (max ${MAX_CANVAS_MARKDOWN_BYTES})`);
  const deepHeading = prose.find((i) => /^#{4,}\s/.test(lines[i] ?? ""));
  if (deepHeading !== undefined) {
    errors.push(
      `${path}.markdown: line ${deepHeading + 1} is an h4 or deeper heading (canvases support h1-h3)`,
    );
  }
  if (document.markdown.includes("<!--"))
    errors.push(`${path}.markdown: HTML comments are not supported in canvases`);
  errors.push(...loneSurrogateErrors(document.markdown, `${path}.markdown`));
  const bigTable = tableCellCounts(lines, prose).find((cells) => cells > MAX_CANVAS_TABLE_CELLS);
  if (bigTable !== undefined)
    errors.push(`${path}.markdown: a table has ${bigTable} cells (max ${MAX_CANVAS_TABLE_CELLS})`);
  return errors;
}

/**
 * Message markup in canvas markdown: `<@U…>`, `<#C…>` and `<!here>`/`<!channel>`/`<!subteam^…>` are mrkdwn
 * (https://docs.slack.dev/messaging/formatting-message-text), not canvas markdown, and show as the raw text.
 * Canvases write a user as `![](@U123ABC456)` and a channel as `![](#C123ABC456)` ("the link will
 * automatically be converted to show the channel name or user card":
 * https://docs.slack.dev/surfaces/canvases#markdown-formatting). Code blocks show text verbatim, so they are
 * left alone.
 */
const MESSAGE_MARKUP = /<[@#!][^>\s]*>/g;

export function canvasMarkupProblems(markdown: string): string[] {
  const lines = linesOf(markdown);
  return proseLineIndexes(lines).flatMap((i) =>
    [...(lines[i] ?? "").matchAll(MESSAGE_MARKUP)].map(
      ([markup]) => `line ${i + 1}: ${markup} is message markup, shown as raw text in a canvas`,
    ),
  );
}

/** Records what Slack would show wrongly in the markdown sent (it takes it all the same). */
function noteMarkup(state: EmulatorState, method: string, canvasId: string, markdowns: string[]): void {
  const problems = markdowns.flatMap(canvasMarkupProblems);
  if (problems.length > 0) state.canvasProblems.push({ method, canvasId, problems, at: state.now() });
}

function sectionsOf(markdown: string): Section[] {
  const lines = linesOf(markdown);
  const headings = proseLineIndexes(lines).flatMap((i) => {
    const match = /^(#{1,3})\s+(.*)$/.exec(lines[i] ?? "");
    return match ? [{ line: i, level: match[1]?.length ?? 1, heading: match[2] ?? "" }] : [];
  });
  return headings.map(({ line, level, heading }, n) => ({
    id: `temp:C:${createHash("sha1")
      .update(lines[line] ?? "")
      .digest("hex")
      .slice(0, 24)}`,
    level,
    heading,
    start: line,
    end: headings[n + 1]?.line ?? lines.length,
  }));
}

/** The markdown after one change, or an error naming what is wrong with the change. */
function applyChange(markdown: string, change: CanvasChange): { markdown: string } | { error: string } {
  const inserted = linesOf(change.document_content?.markdown ?? "");
  const lines = linesOf(markdown);
  if (change.operation === "replace" && change.section_id === undefined) {
    return { markdown: change.document_content?.markdown ?? "" };
  }
  if (change.operation === "insert_at_start") return { markdown: markdownOf([...inserted, ...lines]) };
  if (change.operation === "insert_at_end") return { markdown: markdownOf([...lines, ...inserted]) };
  const section = sectionsOf(markdown).find((s) => s.id === change.section_id);
  if (!section) return { error: `section_id ${change.section_id} is not a section of this canvas` };
  const span = section.end - section.start;
  const splices: Record<string, [at: number, removed: number, added: string[]]> = {
    replace: [section.start, span, inserted],
    delete: [section.start, span, []],
    insert_before: [section.start, 0, inserted],
    insert_after: [section.end, 0, inserted],
  };
  const [at, removed, added] = splices[change.operation] ?? [0, 0, []];
  lines.splice(at, removed, ...added);
  return { markdown: markdownOf(lines) };
}

function changeErrors(change: unknown, path: string): string[] {
  const { operation, section_id, document_content } = (change ?? {}) as SlackArgs;
  if (typeof operation !== "string" || !OPERATIONS.includes(operation)) {
    return [`${path}.operation: must be one of ${OPERATIONS.join(", ")}`];
  }
  if (NEEDS_SECTION.includes(operation) && typeof section_id !== "string") {
    return [`${path}.section_id: is required for ${operation}`];
  }
  return operation === "delete" ? [] : canvasContentErrors(document_content, `${path}.document_content`);
}

function createCanvas(
  state: EmulatorState,
  canvas: Omit<StoredCanvas, "markdown" | "edits">,
  args: SlackArgs,
  method: string,
) {
  const content = args.document_content as { markdown?: string } | undefined;
  const canvasId = state.newId("F");
  state.canvases.set(canvasId, { ...canvas, markdown: content?.markdown ?? "", edits: [] });
  noteMarkup(state, method, canvasId, [content?.markdown ?? ""]);
  return { ok: true, canvas_id: canvasId };
}

const refuseContent = (args: SlackArgs, state: EmulatorState, method: string) => {
  if (args.document_content === undefined) return undefined;
  const errors = canvasContentErrors(args.document_content, "document_content");
  return errors.length > 0 ? state.reject(method, args, errors) : undefined;
};

const createChannelCanvas: MethodHandler = (args, state, method) => {
  const channelId = stringArg(args, "channel_id");
  if (!channelId) return fail("channel_not_found");
  const taken = [...state.canvases.values()].some((c) => c.isChannelCanvas && c.channelId === channelId);
  if (taken) return fail("channel_canvas_already_exists");
  const title = stringArg(args, "title");
  return (
    refuseContent(args, state, method) ??
    createCanvas(state, { channelId, isChannelCanvas: true, title }, args, method)
  );
};

const createStandaloneCanvas: MethodHandler = (args, state, method) => {
  const canvas = {
    channelId: stringArg(args, "channel_id"),
    isChannelCanvas: false,
    title: stringArg(args, "title"),
  };
  return refuseContent(args, state, method) ?? createCanvas(state, canvas, args, method);
};

const edit: MethodHandler = (args, state, method) => {
  const canvas = state.canvases.get(stringArg(args, "canvas_id") ?? "");
  if (!canvas) return fail("canvas_not_found");
  const changes = Array.isArray(args.changes) ? (args.changes as CanvasChange[]) : [];
  if (changes.length === 0) return state.reject(method, args, ["changes: must hold at least one change"]);
  const errors = changes.flatMap((change, i) => changeErrors(change, `changes[${i}]`));
  if (errors.length > 0) return state.reject(method, args, errors);
  let markdown = canvas.markdown;
  for (const [i, change] of changes.entries()) {
    const result = applyChange(markdown, change);
    if ("error" in result) return state.reject(method, args, [`changes[${i}].section_id: ${result.error}`]);
    markdown = result.markdown;
  }
  canvas.markdown = markdown;
  canvas.edits.push(...changes);
  noteMarkup(
    state,
    method,
    stringArg(args, "canvas_id") ?? "",
    changes.map((change) => change.document_content?.markdown ?? ""),
  );
  return { ok: true };
};

const lookupSections: MethodHandler = (args, state) => {
  const canvas = state.canvases.get(stringArg(args, "canvas_id") ?? "");
  if (!canvas) return fail("canvas_not_found");
  const criteria = args.criteria as { section_types?: string[]; contains_text?: string } | undefined;
  if (!criteria) return fail("invalid_arguments", ["[ERROR] criteria is required"]);
  const types = criteria.section_types ?? ["any_header"];
  const sections = sectionsOf(canvas.markdown).filter(
    (s) =>
      (types.includes("any_header") || types.includes(`h${s.level}`)) &&
      s.heading.includes(criteria.contains_text ?? ""),
  );
  return { ok: true, sections: sections.map(({ id }) => ({ id })) };
};

const remove: MethodHandler = (args, state) => {
  const id = stringArg(args, "canvas_id") ?? "";
  if (!state.canvases.delete(id)) return fail("canvas_not_found");
  return { ok: true };
};

/** Every canvas method answers `state.canvasError` while canvases are switched off. */
const whileCanvasesWork =
  (handler: MethodHandler): MethodHandler =>
  (args, state, method) =>
    state.canvasError ? fail(state.canvasError) : handler(args, state, method);

export const canvasMethods: Record<string, MethodHandler> = {
  "conversations.canvases.create": whileCanvasesWork(createChannelCanvas),
  "canvases.create": whileCanvasesWork(createStandaloneCanvas),
  "canvases.edit": whileCanvasesWork(edit),
  "canvases.sections.lookup": whileCanvasesWork(lookupSections),
  "canvases.delete": whileCanvasesWork(remove),
};
