/**
 * A rendered document's sections, and a PM's own wording put in place of the generated text of some of them
 * (`/intplan edit`). Pure: Markdown in, Markdown out.
 *
 * **What a section is.** A section starts at a `##` or `###` heading line (an ATX heading outside fenced code
 * blocks) and is named by that line as rendered, trailing spaces dropped: "## 3. TEAM ASSIGNMENTS". Its body
 * is every line after the heading up to the next heading of its own level or higher: a `###` section runs to
 * the next `#`, `##` or `###` heading, and a `##` section to the next `#` or `##` heading, so a `##` section
 * holds its `###` subsections, which are also sections of their own. `####` and deeper headings, and `#`
 * lines inside fenced code blocks, are body text. The section's **text** (what the modal shows, and exactly
 * what an edit replaces) is its body without the blank lines that open it and the blank lines and rules
 * (`---`) that close it: those separate it from the next section, belong to the document, and stay around
 * whatever replaces it (a PM's text is stored without them too).
 *
 * **Duplicate headings.** A heading line names the first section that has it; a later section with the very
 * same line is not a section of its own here (it cannot be picked, and no edit touches it).
 *
 * **Applying edits.** Outermost first: every `##` edit replaces its section's text in the generated document,
 * then every `###` edit replaces its section's text in the result. A `###` edit inside an edited `##` section
 * therefore applies to the PM's wording of that `##` section, when it still has that subsection. An edit
 * whose heading is not in the document at its turn is **orphaned**: reported, changed nothing, and applies
 * again should its section come back (a type-specific block after a type change, say).
 */

export type SectionLevel = 2 | 3;

export interface DocumentSection {
  /** The heading line as rendered (`#` marks included, trailing spaces dropped): the section's key. */
  heading: string;
  level: SectionLevel;
  /** The heading's words, without the `#` marks. */
  title: string;
  /** The section's text: its body without opening and closing blank lines (empty when it has none). */
  text: string;
  /** For a `###` section, the `##` section it sits in (null before the first `##`). */
  parent: string | null;
  /** For a `##` section, the headings of its `###` subsections, in order. */
  subsections: string[];
}

export interface SectionEditText {
  heading: string;
  body: string;
}

export interface AppliedSectionEdits {
  markdown: string;
  /** The headings whose edits were applied. */
  applied: string[];
  /** The headings of edits whose section is not in the document. */
  orphaned: string[];
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** The level of a heading line (1 to 6), or 0 when the line is no heading. */
function headingLevel(line: string): number {
  return HEADING.exec(line)?.[1]?.length ?? 0;
}

/** The level of a section key ("## x" → 2), or 0 when it names no section this module knows. */
export function sectionLevelOf(heading: string): SectionLevel | 0 {
  const level = headingLevel(heading);
  return level === 2 || level === 3 ? level : 0;
}

/** For each line, its heading level when it is a heading outside a fenced code block, else 0. */
function headingLevels(lines: readonly string[]): { levels: number[]; unclosedFence: boolean } {
  const levels: number[] = [];
  let fence: { char: string; length: number } | null = null;
  for (const line of lines) {
    if (fence) {
      const close = FENCE_OPEN.exec(line)?.[1];
      if (close?.[0] === fence.char && close.length >= fence.length && line.trim() === close) fence = null;
      levels.push(0);
      continue;
    }
    const open = FENCE_OPEN.exec(line)?.[1];
    // A backtick fence's info string may not hold a backtick (CommonMark 4.5).
    if (open && !(open[0] === "`" && line.slice(line.indexOf(open) + open.length).includes("`"))) {
      fence = { char: open[0] ?? "`", length: open.length };
      levels.push(0);
      continue;
    }
    levels.push(headingLevel(line));
  }
  return { levels, unclosedFence: fence !== null };
}

const isBlank = (line: string) => line.trim() === "";
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** What closes a section's text: blank lines and rules. */
const isClosing = (line: string) => isBlank(line) || THEMATIC_BREAK.test(line);

/** Where a section's body sits in the document's lines: `[from, to)`, and its text's lines within. */
interface Span {
  heading: string;
  level: SectionLevel;
  line: number;
  from: number;
  to: number;
  textFrom: number;
  textTo: number;
}

function spansOf(lines: readonly string[]): Span[] {
  const { levels } = headingLevels(lines);
  const spans: Span[] = [];
  const seen = new Set<string>();
  levels.forEach((level, line) => {
    if (level !== 2 && level !== 3) return;
    const heading = (lines[line] ?? "").trimEnd();
    if (seen.has(heading)) return;
    seen.add(heading);
    let to = line + 1;
    while (to < lines.length && !((levels[to] ?? 0) >= 1 && (levels[to] ?? 0) <= level)) to++;
    let textFrom = line + 1;
    while (textFrom < to && isBlank(lines[textFrom] ?? "")) textFrom++;
    let textTo = to;
    while (textTo > textFrom && isClosing(lines[textTo - 1] ?? "")) textTo--;
    spans.push({ heading, level, line, from: line + 1, to, textFrom, textTo });
  });
  return spans;
}

const splitLines = (markdown: string) => markdown.replace(/\r\n?/g, "\n").split("\n");

/** The document's `##` and `###` sections, in order (first occurrence of each heading). */
export function splitSections(markdown: string): DocumentSection[] {
  const lines = splitLines(markdown);
  const sections: DocumentSection[] = [];
  let outer: { span: Span; section: DocumentSection } | null = null;
  for (const span of spansOf(lines)) {
    // A `###` section belongs to the `##` section whose body holds it (not one a `#` heading has ended).
    const parent = span.level === 3 && outer && span.line < outer.span.to ? outer.section : null;
    const section: DocumentSection = {
      heading: span.heading,
      level: span.level,
      title: HEADING.exec(span.heading)?.[2] ?? "",
      text: lines.slice(span.textFrom, span.textTo).join("\n"),
      parent: parent?.heading ?? null,
      subsections: [],
    };
    parent?.subsections.push(section.heading);
    if (span.level === 2) outer = { span, section };
    sections.push(section);
  }
  return sections;
}

/**
 * A PM's text as stored and compared: line breaks as `\n`, no opening blank lines, no closing blank lines or
 * rules (the section's own closing stays in the document around it). Trailing spaces inside stay: two of
 * them end a Markdown line with a line break.
 */
export function normaliseSectionText(text: string): string {
  const lines = splitLines(text);
  let from = 0;
  while (from < lines.length && isBlank(lines[from] ?? "")) from++;
  let to = lines.length;
  while (to > from && isClosing(lines[to - 1] ?? "")) to--;
  return lines.slice(from, to).join("\n");
}

function replaceText(lines: string[], span: Span, body: string): string[] {
  const replacement = body === "" ? [] : body.split("\n");
  const closing = lines.slice(span.textTo, span.to);
  // Text followed by the next heading (or a `---` rule) keeps a blank line before it.
  if (replacement.length > 0 && closing.length === 0 && span.to < lines.length) closing.push("");
  return [...lines.slice(0, span.textFrom), ...replacement, ...closing, ...lines.slice(span.to)];
}

function applyLevel(
  markdown: string,
  edits: readonly SectionEditText[],
  level: SectionLevel,
  result: { applied: string[]; orphaned: string[] },
): string {
  let lines = splitLines(markdown);
  for (const edit of edits) {
    if (sectionLevelOf(edit.heading) !== level) continue;
    // Spans are found again after each replacement: an edit changes the lines after it.
    const span = spansOf(lines).find((s) => s.heading === edit.heading.trimEnd());
    if (!span) {
      result.orphaned.push(edit.heading);
      continue;
    }
    lines = replaceText(lines, span, normaliseSectionText(edit.body));
    result.applied.push(edit.heading);
  }
  return lines.join("\n");
}

/** Puts each edit's text in place of its section's text, outermost first; reports orphaned edits. */
export function applySectionEdits(markdown: string, edits: readonly SectionEditText[]): AppliedSectionEdits {
  if (edits.length === 0) return { markdown, applied: [], orphaned: [] };
  const result = { applied: [] as string[], orphaned: [] as string[] };
  const unknown = edits.filter((e) => sectionLevelOf(e.heading) === 0).map((e) => e.heading);
  const outer = applyLevel(markdown, edits, 2, result);
  const inner = applyLevel(outer, edits, 3, result);
  return { markdown: inner, applied: result.applied, orphaned: [...result.orphaned, ...unknown] };
}

/**
 * Message markup (`<@…>`, `<#…>`, `<!here>`, `<!subteam^…>`) and canvas mentions (`![](@…)`, `![](#…)`) left in
 * a section's text once the people and channels it names are tokens: a canvas would show them raw.
 */
const SLACK_MARKUP = /<[@#!][^>\s]*>|!\[[^\]]*\]\([@#][^)]*\)/;

/**
 * Why a PM's text cannot be a section's text, or null when it can. Refused: no text at all (the generated
 * text comes back with Revert; a section meant to say nothing can say "Not applicable"), a heading of the
 * section's own level or higher (it would end the section, and what follows would belong to another), a
 * code fence left open (it would swallow the rest of the document), and Slack markup a document would show
 * raw.
 */

export function sectionTextProblem(level: SectionLevel, text: string): string | null {
  const normalised = normaliseSectionText(text);
  if (normalised === "") {
    return "Write the section's text. To go back to the generated text, use Revert instead; a section that should say nothing can say “Not applicable”.";
  }
  const { levels, unclosedFence } = headingLevels(splitLines(normalised));
  if (unclosedFence)
    return "A code block (```) is opened and not closed: close it, or it would swallow the rest of the document.";
  if (SLACK_MARKUP.test(normalised)) {
    return "The text has Slack markup a document cannot show (such as `<!here>`, `<!channel>`, a group mention or a canvas mention of no one): it would read as raw text, so write it in words. People and channels are written `<@U…>` and `<#C…>`.";
  }
  const marks = "#".repeat(level);
  if (levels.some((l) => l >= 1 && l <= level)) {
    return level === 2
      ? "The text has a `#` or `##` heading line, which would start a new section: use `###` (a subsection) or a deeper heading, or bold text."
      : `The text has a heading line of \`${marks}\` or higher, which would start a new section: use \`####\` or bold text instead.`;
  }
  return null;
}
