/**
 * Canvases for the Slack emulator: conversations.canvases.create, canvases.create, canvases.edit, canvases.delete,
 * canvases.sections.lookup and canvases.access.set, over markdown kept as text. A section is a heading (h1–h3)
 * and the lines up to the next heading; its id is derived from the heading line, so it survives edits
 * elsewhere in the canvas.
 *
 * Who may edit a canvas, from Slack's docs:
 * - canvases.create (https://docs.slack.dev/reference/methods/canvases.create): "a new standalone canvas owned
 *   by the acting user"; "A canvas can be automatically added to a channel tab with write permissions by
 *   setting the channel_id parameter"; "You can update the canvas's channel or user access by calling the
 *   canvases.access.set method". So a canvas created with `channel_id` is writable by that channel's members
 *   until canvases.access.set says otherwise.
 * - A channel canvas (conversations.canvases.create): "A member's ability to edit a channel canvas is determined
 *   by their posting permissions in the channel" (Slack Help, "Canvas sharing, security and access"); its
 *   access cannot be set through the API: canvases.access.set's documented "Typical error response when
 *   attempting to change the access of a channel canvas" is `canvas_not_found`.
 * - canvases.access.set (https://docs.slack.dev/reference/methods/canvases.access.set): `access_level` is one
 *   of `read` `write` `owner`; "Both channel_ids and user_ids cannot be passed at the same time"
 *   (`invalid_parameters`: "One of user_ids or channel_ids must be defined, but not both"); each list holds 1 to
 *   20 ids; `owner` with `channel_ids` "will return an invalid_arguments error because only users can be
 *   owners"; "Access levels can only be set for regular channels. Channel IDs associated with direct messages
 *   (DMs) or multi-party direct messages (MPDMs) will not be accepted" (no code is documented for that; the
 *   emulator answers `channel_not_found`); for `user_ids` "you must have sent the user the canvas directly
 *   first. Even if the user is a member of a channel where the canvas has been shared, calling the
 *   canvases.access.set method with a user_ids argument will fail" (`failed_to_update_user_ids`).
 */
import { createHash } from "node:crypto";
import { loneSurrogateErrors } from "./block-kit-limits.js";
import {
  type CanvasAccessLevel,
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
  canvas: Pick<StoredCanvas, "channelId" | "isChannelCanvas" | "title">,
  args: SlackArgs,
  method: string,
) {
  const content = args.document_content as { markdown?: string } | undefined;
  const canvasId = state.newId("F");
  const tabbed = canvas.channelId !== undefined && !canvas.isChannelCanvas;
  state.canvases.set(canvasId, {
    ...canvas,
    markdown: content?.markdown ?? "",
    edits: [],
    ownerId: state.botUserId,
    access: {
      // "added to a channel tab with write permissions"
      channels: new Map(tabbed ? [[canvas.channelId as string, "write"]] : []),
      users: new Map([[state.botUserId, "owner"]]),
    },
    personEdits: [],
  });
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

const ACCESS_LEVELS: readonly string[] = ["read", "write", "owner"];
const MAX_ACCESS_IDS = 20;

/** The ids of an array argument, or undefined when absent (a bad one is an error). */
function idList(args: SlackArgs, name: string): string[] | undefined | "bad" {
  const value = args[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((id) => typeof id !== "string")) return "bad";
  return value as string[];
}

const setAccess: MethodHandler = (args, state) => {
  if (state.canvasAccessError) return fail(state.canvasAccessError);
  const canvas = state.canvases.get(stringArg(args, "canvas_id") ?? "");
  // A channel canvas' access follows the channel: Slack answers canvas_not_found (its documented example).
  if (!canvas || canvas.isChannelCanvas) return fail("canvas_not_found");
  const level = stringArg(args, "access_level");
  if (!level || !ACCESS_LEVELS.includes(level)) {
    return fail("invalid_arguments", ["[ERROR] access_level must be one of read, write, owner"]);
  }
  const channelIds = idList(args, "channel_ids");
  const userIds = idList(args, "user_ids");
  if (channelIds === "bad" || userIds === "bad") {
    return fail("invalid_arguments", ["[ERROR] channel_ids and user_ids must be arrays of ids"]);
  }
  if ((channelIds === undefined) === (userIds === undefined)) return fail("invalid_parameters");
  const ids = channelIds ?? userIds ?? [];
  if (ids.length < 1 || ids.length > MAX_ACCESS_IDS) {
    return fail("invalid_arguments", [`[ERROR] between 1 and ${MAX_ACCESS_IDS} ids are allowed`]);
  }
  if (channelIds) {
    if (level === "owner") {
      return fail("invalid_arguments", ["[ERROR] only users can be owners"]);
    }
    if (channelIds.some((id) => !/^[CG]/.test(id))) return fail("channel_not_found");
    for (const id of channelIds) canvas.access.channels.set(id, level as "read" | "write");
    return { ok: true };
  }
  const notShared = ids.filter((id) => !canvas.access.users.has(id));
  if (notShared.length > 0) {
    return { ok: false, error: "failed_to_update_user_ids", failed_to_update_user_ids: notShared };
  }
  for (const id of ids) canvas.access.users.set(id, level as CanvasAccessLevel);
  return { ok: true };
};

const RANK: Record<CanvasAccessLevel, number> = { read: 1, write: 2, owner: 3 };

/** What `userId` may do on the canvas: their own grant, or the best grant of a channel they are in. */
function canvasAccessOf(
  state: EmulatorState,
  canvas: StoredCanvas,
  userId: string,
): CanvasAccessLevel | undefined {
  const inChannel = (channelId: string) => state.channels.get(channelId)?.members.has(userId) === true;
  if (canvas.isChannelCanvas) {
    return canvas.channelId && inChannel(canvas.channelId) ? "write" : undefined;
  }
  const grants: CanvasAccessLevel[] = [
    ...(canvas.access.users.has(userId) ? [canvas.access.users.get(userId) as CanvasAccessLevel] : []),
    ...[...canvas.access.channels].filter(([id]) => inChannel(id)).map(([, level]) => level),
  ];
  return grants.sort((a, b) => RANK[b] - RANK[a])[0];
}

/**
 * A person edits a canvas in Slack's editor (not an API call): allowed with write or owner access, refused
 * with read access ("Those with view access can read a canvas, but cannot make changes", Slack Help) or none.
 */
export function personEditsCanvas(
  state: EmulatorState,
  edit: { userId: string; canvasId: string; markdown: string },
): "edited" | "read-only" | "no-access" | "no-such-canvas" {
  const canvas = state.canvases.get(edit.canvasId);
  if (!canvas) return "no-such-canvas";
  const level = canvasAccessOf(state, canvas, edit.userId);
  if (!level) return "no-access";
  if (level === "read") return "read-only";
  canvas.markdown = edit.markdown;
  canvas.personEdits.push({ userId: edit.userId, markdown: edit.markdown, at: state.now() });
  return "edited";
}

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
  "canvases.access.set": whileCanvasesWork(setAccess),
};
