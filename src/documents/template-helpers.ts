import { formatWeeks } from "../domain/analysis/timeline.js";
import { ISO_DATE_SHAPE, isoDate } from "../domain/dates.js";
import { whereOf } from "./answer-fields.js";
import { escapeMarkdownBlock, escapeMarkdownText, markdownCodeBlock } from "./markdown-escape.js";
import { channelToken, personToken } from "./person-tokens.js";
import { formatQuantity } from "./quantity.js";

/**
 * The Handlebars helpers the templates use. Templates compile with `noEscape`, so every value reaches the
 * document through one of these: user text is escaped, and a missing value becomes a visible marker: where it
 * is answered, for an `Unanswered` field ("_not answered yet: /intplan interview 6 (Rate limits)_"), or why it
 * is missing, for a value no question gives ("_TBD: not assigned_").
 */

export function tbdMarker(reason: string): string {
  return `_TBD: ${escapeMarkdownText(reason)}_`;
}

export function notAnsweredMarker(where: string): string {
  return `_not answered yet: ${escapeMarkdownText(where)}_`;
}

const isMissing = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

/**
 * The marker for a missing value: its place to answer when it carries one, else the template's reason.
 * A missing value with neither is a template bug; it still renders, and the empty-project test catches it.
 */
function missing(value: unknown, reason?: unknown): string {
  const where = whereOf(value);
  if (where !== null) return notAnsweredMarker(where);
  return typeof reason === "string" ? tbdMarker(reason) : "_not answered yet_";
}

function plain(value: unknown): string {
  if (typeof value === "number") return formatQuantity(value);
  if (Array.isArray(value)) return value.map(plain).join("; ");
  return String(value);
}

/** A value inside a line: escaped, on one line; lists joined with "; "; numbers with thousands separators. */
function text(value: unknown, reason?: unknown): string {
  return isMissing(value) ? missing(value, reason) : escapeMarkdownText(plain(value));
}

/** An optional value, where empty has a meaning of its own: `{{textOr transformation "none"}}`. */
function textOr(value: unknown, fallback: unknown): string {
  return escapeMarkdownText(isMissing(value) ? String(fallback) : plain(value));
}

/** Long text as escaped paragraphs. */
function paragraphs(value: unknown, reason?: unknown): string {
  return isMissing(value) ? missing(value, reason) : escapeMarkdownBlock(plain(value));
}

/** Pasted data shown verbatim in a fenced code block. */
function code(value: unknown, language?: unknown): string {
  return isMissing(value)
    ? missing(value)
    : markdownCodeBlock(plain(value), typeof language === "string" ? language : "");
}

/**
 * A person, by the id stored for them (never typed text), as a token that is presented for the document's
 * audience after rendering (people-presentation.ts: a user card or their name in a canvas, their name in a file).
 */
function user(id: unknown): string {
  return (typeof id === "string" ? personToken(id) : undefined) ?? missing(id, "not assigned");
}

/** The project's channel, by its id, as a token presented like a person's (a channel link, or `#name`). */
function channel(id: unknown): string {
  return (typeof id === "string" ? channelToken(id) : undefined) ?? tbdMarker("no channel");
}

/** "120 hours", "99.5%": a number and its unit, or the marker (alone: a sentence must not put the unit after it). */
function unit(value: unknown, name: unknown, reason?: unknown): string {
  if (typeof value !== "number") return missing(value, reason);
  return formatQuantity(value, typeof name === "string" ? name : "");
}

/** "$2,000/month" */
function money(value: unknown, per?: unknown, reason?: unknown): string {
  if (typeof value !== "number") return missing(value, reason);
  return `$${Math.round(value).toLocaleString("en-US")}${typeof per === "string" ? per : ""}`;
}

function weeks(value: unknown): string {
  return typeof value === "number" ? formatWeeks(value) : tbdMarker("not estimated");
}

/** YYYY-MM-DD, from a Date or a date string. */
function date(value: unknown): string {
  if (value instanceof Date) return isoDate(value);
  return typeof value === "string" && ISO_DATE_SHAPE.test(value) ? value : missing(value, "no date");
}

/** How the plan names a companion document (plan-context.ts): its title, where it is, or how to make it. */
export interface DocumentReference {
  /** "Statement of Work", "Statement of Work, version 2" */
  label: string;
  /** The link Slack gave for it; null: none (yet). */
  url: string | null;
  /** Where it is, when the link does not say it: "frozen on 2026-12-02". */
  note: string | null;
  /** Not generated yet: the command that makes it (`/intplan publish sow`). */
  command: string | null;
}

const isReference = (value: unknown): value is DocumentReference =>
  typeof value === "object" && value !== null && "label" in value && "url" in value;

/** Only an https link with nothing in it that could end the Markdown link early becomes a link. */
const SAFE_LINK = /^https:\/\/[^\s()<>[\]\\`"]+$/;

/**
 * A companion document named in the plan: `[Statement of Work](link)` where Slack gave a link, else its title
 * and where it is; not generated yet, its title and the command that generates it:
 * "Statement of Work (_not generated yet:_ `/intplan publish sow`)".
 */
function reference(ref: unknown): string {
  if (!isReference(ref)) return tbdMarker("no such document");
  const label = escapeMarkdownText(ref.label);
  const named = ref.url && SAFE_LINK.test(ref.url) ? `[${label}](${ref.url})` : label;
  if (ref.command) return `${named} (_not generated yet:_ \`${ref.command.replace(/`/g, "")}\`)`;
  return ref.note ? `${named} (${escapeMarkdownText(ref.note)})` : named;
}

/**
 * Where a fact came from, after it: `{{cite sources.system_a.rate_limit}}` gives
 * " _(Source: [Shopify's documentation](https://shopify.dev/…), checked 2 Dec 2026)_", or nothing for a
 * typed answer (see answer-sources.ts).
 */
function cite(citation: unknown): string {
  if (typeof citation !== "object" || citation === null || !("url" in citation)) return "";
  const { label, url, checked } = citation as { label: string; url: string; checked: string };
  const named = SAFE_LINK.test(url) ? `[${escapeMarkdownText(label)}](${url})` : escapeMarkdownText(label);
  return ` _(Source: ${named}, checked ${escapeMarkdownText(checked)})_`;
}

/** The box of a checklist item: "x" when ticked. */
function check(checked: unknown): string {
  return checked ? "x" : " ";
}

function inc(index: unknown): string {
  return String(Number(index) + 1);
}

/** The marker on its own: `{{tbd plan.risks}}` (where the field is answered) or `{{tbd "not signed off yet"}}`. */
function tbd(fieldOrReason?: unknown): string {
  return missing(fieldOrReason, typeof fieldOrReason === "string" ? fieldOrReason : undefined);
}

/** A checklist item's state in the plan: ticked or not, and whether it is part of the work. */
export interface ChecklistItemState {
  done: boolean;
  scope: "in" | "suggested" | "out";
  /** Who marked it not in scope, and when (a person's id, never typed text). */
  scopedBy: string | null;
  scopedAt: Date | null;
  /** For a suggestion: the types it is suggested for ("Fulfillment"). */
  suggestedFor: string | null;
}

const isItemState = (value: unknown): value is ChecklistItemState =>
  typeof value === "object" && value !== null && "scope" in value && "done" in value;

/**
 * A checklist line after its "- ": `{{#item checklist.[p2.ful.returns]}}Returns processing workflow{{/item}}`
 * gives "[ ] Returns processing workflow", a suggestion says so, and an item not in scope is struck through
 * with who marked it and when. The block's content is the label, already rendered by its own helpers.
 */
function item(this: unknown, state: unknown, options: { fn: (context: unknown) => string }): string {
  const label = options.fn(this).trim();
  if (!isItemState(state)) return `[ ] ${label}`;
  const box = `[${check(state.done)}]`;
  if (state.scope === "out") {
    const who = state.scopedBy ? `${user(state.scopedBy)}, ${date(state.scopedAt)}` : null;
    return `${box} ~~${label}~~ _not in scope${who ? ` (${who})` : ""}_`;
  }
  if (state.scope === "suggested") {
    const forTypes = state.suggestedFor ? ` for ${escapeMarkdownText(state.suggestedFor)}` : "";
    return `${box} ${label} _suggested${forTypes}: confirm or mark not in scope_`;
  }
  return `${box} ${label}`;
}

/** Handlebars passes its options object last; the helpers only want the template's arguments. */
type TemplateHelper = (...args: unknown[]) => string;
const positional =
  (fn: TemplateHelper): TemplateHelper =>
  (...args) =>
    fn(...args.slice(0, -1));

/**
 * A long table as several tables of at most `size` rows, so each stays within a canvas's 300 cells
 * (bounds.ts): `{{#each (tablesOf rows 40)}}`. A missing value is no tables (the template's `else`).
 */
function tablesOf(rows: unknown, size: unknown): unknown[][] {
  if (!Array.isArray(rows) || typeof size !== "number" || size < 1) return [];
  const tables: unknown[][] = [];
  for (let i = 0; i < rows.length; i += size) tables.push(rows.slice(i, i + size));
  return tables;
}

export const TEMPLATE_HELPERS: Readonly<Record<string, TemplateHelper>> = {
  ...Object.fromEntries(
    Object.entries({
      text,
      textOr,
      paragraphs,
      code,
      user,
      channel,
      unit,
      money,
      weeks,
      date,
      reference,
      cite,
      check,
      inc,
      tbd,
      tablesOf,
    }).map(([name, fn]) => [name, positional(fn as TemplateHelper)]),
  ),
  // A block helper: it needs Handlebars' options (the block's content).
  item: item as TemplateHelper,
};
