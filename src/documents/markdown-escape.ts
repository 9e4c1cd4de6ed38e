/**
 * Text people typed, made safe for canvas markdown. Whatever someone types in the interview renders as
 * the same visible text and nothing more: no headings, lists, quotes, tables, links, emphasis, code or
 * HTML, and no @channel/@here/user pings.
 *
 * Markdown punctuation is backslash-escaped where it could mean something (CommonMark renders `\*` as
 * `*`). Slack's special forms (`<!channel>`, `<@U123>`, `@here`) also get an invisible word joiner inside
 * them, so no parser can read them as a mention, whatever it does with backslashes. The delimiters of the
 * documents' person and channel tokens (person-tokens.ts) are removed, so typed text cannot forge one.
 */
import { TOKEN_DELIMITERS } from "./person-tokens.js";

const WORD_JOINER = "\u2060";

/** Punctuation that can start or end inline markdown anywhere in a line. */
const ALWAYS_ESCAPED = /[\\`*~[\]<|{}]/g;

/** `_` only emphasises at a word boundary: `snake_case` stays as it is. */
const EMPHASIS_UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/** `&` only matters when it would start an entity such as `&amp;` or `&#60;`. */
const ENTITY_AMPERSAND = /&(?=#?[A-Za-z0-9]+;)/g;

/** Block syntax that only counts at the start of a line: headings, quotes, list items, rules. */
const LINE_START_SYNTAX = /^(?:#{1,6}(?=\s|$)|>|[-+=](?=[\s=-]|$)|\d{1,9}(?=[.)](?:\s|$)))/;

/** Control characters other than tab and newline, and the bidi overrides that can disguise text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const INVISIBLE_TROUBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

const BROADCAST_MENTION = /@(channel|here|everyone)\b/gi;

function neutraliseMentions(text: string): string {
  return text.replace(/<([!@#])/g, `<${WORD_JOINER}$1`).replace(BROADCAST_MENTION, `@${WORD_JOINER}$1`);
}

/** `# x` → `\# x`; `1. x` → `1\. x` (the backslash goes before the list marker's dot). */
function escapeLineStart(line: string): string {
  return line.replace(LINE_START_SYNTAX, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}

function escapeLine(line: string): string {
  const inline = line
    .trim()
    .replace(ALWAYS_ESCAPED, (c) => `\\${c}`)
    .replace(EMPHASIS_UNDERSCORE, "\\_")
    .replace(ENTITY_AMPERSAND, "\\&");
  return neutraliseMentions(escapeLineStart(inline));
}

function clean(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE_TROUBLE, "").replace(TOKEN_DELIMITERS, "");
}

/**
 * One line of user text for use inside a sentence, a list item or a table cell: line breaks become
 * spaces, so a value can never end the line it sits on.
 */
export function escapeMarkdownText(text: string): string {
  return escapeLine(clean(text).replace(/\s*\n\s*/g, " "));
}

/**
 * Several lines of user text rendered as paragraphs: every line is escaped on its own, runs of blank
 * lines collapse to one paragraph break, and single line breaks stay line breaks.
 */
export function escapeMarkdownBlock(text: string): string {
  return clean(text)
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map(escapeLine)
        .join("  \n"),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

/**
 * User text shown verbatim in a fenced code block (a pasted API response, say). The fence is longer
 * than any run of backticks inside, so the text cannot close it early.
 */
export function markdownCodeBlock(text: string, language = ""): string {
  const body = neutraliseMentions(clean(text).replace(/\n+$/, ""));
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${body}\n${fence}`;
}
