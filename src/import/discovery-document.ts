import { Lexer, type Token, type Tokens } from "marked";
import type { AnswerValue, TableRow } from "../domain/questionnaire/answers.js";
import type {
  ChoiceQuestion,
  Question,
  Questionnaire,
  TableQuestion,
} from "../domain/questionnaire/definition.js";
import { allQuestions } from "../domain/questionnaire/definition.js";
import { fitAnswer, shorten } from "./fit-answer.js";
import type { ImportedAnswer, ImportProposal, UnplacedPart } from "./import-proposal.js";
import { readMappingRows } from "./mapping-sheet.js";

/**
 * Reads a Deep Discovery Document filled by hand in the seed template's layout (## sections, ### parts,
 * "**Label**: value" lines, checklists, code blocks) with marked's lexer, and places what it says in the
 * questionnaire's questions. What is still the template (bracketed placeholders, the template's own lines,
 * unticked checklists, its example code) is skipped; what is filled but fits no question is unplaced.
 */

interface Item {
  text: string;
  checked: boolean | null;
  children: string[];
}

type Block =
  | { kind: "text"; text: string }
  | { kind: "list"; items: Item[] }
  | { kind: "code"; text: string }
  | { kind: "table"; rows: string[][] };

interface Part {
  /** The headings above it, outermost first, as written. */
  path: string[];
  heading: string;
  depth: number;
  blocks: Block[];
}

interface Target {
  questionnaire: Questionnaire;
  systemA: string;
  systemB: string;
}

/** Words of a heading or label, for tolerant matching: no numbering, case, punctuation, "&", "(v1)". */
function headingWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\*\*|__|`/g, "")
    .replace(/^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+/, "")
    .replace(/\((v\d+|mvp|post-mvp)\)/g, (m) => (m.includes("mvp") ? m : ""))
    .replace(/&/g, " and ")
    .replace(/optimis/g, "optimiz")
    .replace(/behaviour/g, "behavior")
    .replace(/[^a-z0-9%]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && w !== "and" && w !== "the" && w !== "our" && w !== "of");
}

const hasWords = (words: readonly string[], key: string) => key.split(" ").every((k) => words.includes(k));

/** A template placeholder: "[Brief description…]", "[X hours]", "$X", "[Name] - [Date]", "Week X". */
const isPlaceholder = (text: string): boolean => {
  const t = text.trim();
  if (t === "") return true;
  if (/^\[[^\]]*\](\s*[-–—:,/]\s*\[[^\]]*\])*[.]?$/.test(t)) return true;
  if (/^\$?X\b/.test(t) || /\[\$?X\b/i.test(t)) return true;
  return false;
};

/** The template's own lines that are not placeholders: its questions, examples and option lists. */
const TEMPLATE_LINES = new Set(
  [
    "Field mappings",
    "Data enrichment",
    "Validation rules",
    "Default values",
    "What settings does user need to provide?",
    "How do we validate credentials?",
    "What options should be configurable?",
    "Where does integrated data appear?",
    "How is it differentiated from local data?",
    "What actions can user take on integrated data?",
    "How does user know integration is working?",
    "Where can they see sync history?",
    "How are errors displayed?",
    "Caching strategy",
    "Batch processing",
    "Pagination approach",
    "Field selection",
    "Daily sync summary",
    "Error trending",
    "Usage statistics",
    "Cost tracking (if applicable)",
  ].map((l) => l.toLowerCase()),
);

/** The template's footer ("*Template Version: 1.0*") and horizontal rules. */
const FOOTER = /^[*_]*(Template Version|Created|Purpose):/i;

const isTemplateText = (text: string) =>
  isPlaceholder(text) || TEMPLATE_LINES.has(text.trim().toLowerCase()) || FOOTER.test(text.trim());

/** The template's example code blocks, recognised by what they say. */
const isTemplateCode = (code: string) =>
  /\/\/ Example of their API response/.test(code) ||
  /# How we'll store this data/.test(code) ||
  /"""Test (that external data|graceful failure|complete sync|webhook receipt|complete user flow)/.test(
    code,
  ) ||
  /External Service → Our System → User Interface/.test(code) ||
  (/User Action: \[/.test(code) && /Business Outcome: \[/.test(code));

const plain = (md: string) =>
  md
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/__(.+?)__/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, "$1 ($2)")
    .trim();

/** "**Label**: value", "**Label:** value", "Label: value" → label and value (value may be ""). */
function splitLabel(text: string): { label: string; value: string } | null {
  const bold = /^\s*(?:\d+\.\s*)?\*\*([^*]+?)\*\*\s*:?\s*(?::\s*)?([\s\S]*)$/.exec(text);
  if (bold)
    return {
      label: (bold[1] ?? "").replace(/:$/, "").trim(),
      value: (bold[2] ?? "").replace(/^:\s*/, "").trim(),
    };
  const colon = /^\s*([A-Za-z][A-Za-z /&-]{1,40}):\s+([\s\S]+)$/.exec(text);
  if (colon) return { label: (colon[1] ?? "").trim(), value: (colon[2] ?? "").trim() };
  return null;
}

function itemsOf(list: Tokens.List): Item[] {
  return list.items.map((item) => {
    const own: string[] = [];
    const children: string[] = [];
    for (const token of item.tokens) {
      if (token.type === "list") children.push(...(token as Tokens.List).items.map((i) => i.text.trim()));
      else if (token.type === "text" || token.type === "paragraph") own.push((token as Tokens.Text).text);
    }
    return { text: own.join("\n").trim(), checked: item.task ? Boolean(item.checked) : null, children };
  });
}

/** The document as parts: each heading and the blocks under it until the next heading. */
function partsOf(markdown: string): Part[] {
  const tokens: Token[] = new Lexer().lex(markdown);
  const parts: Part[] = [];
  const stack: Array<{ depth: number; text: string }> = [];
  let current: Part = { path: [], heading: "(before the first heading)", depth: 0, blocks: [] };
  parts.push(current);
  for (const token of tokens) {
    if (token.type === "heading") {
      const h = token as Tokens.Heading;
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= h.depth) stack.pop();
      stack.push({ depth: h.depth, text: h.text.trim() });
      current = {
        path: stack.map((s) => s.text),
        heading: `${"#".repeat(h.depth)} ${h.text.trim()}`,
        depth: h.depth,
        blocks: [],
      };
      parts.push(current);
    } else if (token.type === "paragraph" || token.type === "text") {
      current.blocks.push({ kind: "text", text: (token as Tokens.Paragraph).text });
    } else if (token.type === "list") {
      current.blocks.push({ kind: "list", items: itemsOf(token as Tokens.List) });
    } else if (token.type === "code") {
      current.blocks.push({ kind: "code", text: (token as Tokens.Code).text });
    } else if (token.type === "table") {
      const t = token as Tokens.Table;
      current.blocks.push({
        kind: "table",
        rows: [t.header.map((c) => c.text), ...t.rows.map((r) => r.map((c) => c.text))],
      });
    } else if (token.type === "blockquote") {
      current.blocks.push({ kind: "text", text: (token as Tokens.Blockquote).text });
    }
  }
  return parts;
}

/** Collects answers and unplaced parts; checks every value against its question before keeping it. */
class Collector {
  readonly answers = new Map<string, ImportedAnswer>();
  readonly unplaced: UnplacedPart[] = [];
  private readonly questions: Map<string, Question>;
  constructor(questionnaire: Questionnaire) {
    this.questions = new Map(allQuestions(questionnaire).map((q) => [q.id, q]));
  }
  question(id: string) {
    return this.questions.get(id);
  }
  miss(where: string, text: string, why?: string) {
    if (text.trim() === "") return;
    this.unplaced.push({ where, text: why ? `${shorten(plain(text))} (${why})` : shorten(plain(text)) });
  }
  /** Sets an answer; lists and choices add to what the document already gave the question. */
  put(id: string, value: AnswerValue, where: string, note?: string) {
    const question = this.questions.get(id);
    const shown = Array.isArray(value)
      ? value.map((v) => (typeof v === "string" ? v : Object.values(v).join(" | "))).join("; ")
      : String(value);
    if (!question) return this.miss(where, shown, `this questionnaire has no question "${id}"`);
    const before = this.answers.get(id);
    let merged = value;
    if (before && Array.isArray(before.value) && Array.isArray(value))
      merged = [
        ...(before.value as string[]),
        ...(value as string[]).filter((v) => !(before.value as unknown[]).includes(v)),
      ] as AnswerValue;
    else if (
      before &&
      typeof before.value === "string" &&
      typeof value === "string" &&
      question.kind === "long_text"
    )
      merged = `${before.value}\n\n${value}`;
    else if (before) return this.miss(where, shown, `${id} is already filled from ${before.from}`);
    const fit = fitAnswer(question, merged);
    if (!fit.ok) return this.miss(where, shown, `does not fit "${question.label}": ${fit.why}`);
    const from = before && before.from !== where ? `${before.from}; ${where}` : where;
    this.answers.set(id, { questionId: id, value: fit.value, from: note ? `${from} (${note})` : from });
  }
}

const optionWords = (s: string) => headingWords(s.replace(/\(.*?\)/g, " "));

/** A checklist line or bullet → the option whose label it names (tolerantly), if any. */
function matchChoice(question: ChoiceQuestion, text: string): string | undefined {
  const said = headingWords(text);
  const saidLoose = headingWords(text.replace(/\(.*?\)/g, " "));
  let best: { value: string; score: number } | undefined;
  for (const option of question.options) {
    const label = headingWords(option.label);
    const core = optionWords(option.label);
    const exact = label.join(" ") === said.join(" ") || core.join(" ") === saidLoose.join(" ");
    const value = option.value.split("_");
    const score = exact
      ? 100
      : core.length > 0 &&
          core.every(
            (w) =>
              said.includes(w) || said.some((s) => s.startsWith(w) || (w.startsWith(s) && s.length >= 4)),
          )
        ? 50 + core.length
        : value.every((w) => said.includes(w))
          ? 40
          : 0;
    if (score > 0 && (!best || score > best.score)) best = { value: option.value, score };
  }
  return best?.value;
}

const AUTH_WORDS: Array<[RegExp, string]> = [
  [/oauth/i, "oauth2"],
  [/\bjwt\b|service account/i, "jwt"],
  [/basic/i, "basic"],
  [/api[ -]?key|token|access key|secret key/i, "api_key"],
];
const FORMAT_WORDS: Array<[RegExp, string]> = [
  [/graphql/i, "graphql"],
  [/\bjson\b|\brest\b/i, "json"],
  [/\bxml\b|\bsoap\b/i, "xml"],
  [/\bcsv\b|flat file/i, "csv"],
];
const MODE_WORDS: Array<[RegExp, string]> = [
  [/webhook/i, "webhooks"],
  [/poll/i, "polling"],
  [/bulk|batch/i, "bulk_export"],
  [/sftp|file drop|email/i, "file_drop"],
];
const picks = (text: string, words: Array<[RegExp, string]>) =>
  words.filter(([re]) => re.test(text)).map(([, v]) => v);

/** A number with its unit, from "99.5%", "120 hours", "$1,200/month", "15 hours a month". */
interface Quantity {
  value: number;
  unit: "percent" | "hours" | "usd" | "none";
  per: "month" | "week" | "year" | "day" | "none";
}

function readQuantity(text: string): Quantity | null {
  const m =
    /(\$|usd\s*)?\s*(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(k\b)?\s*(%|percent|hours?|hrs?|h\b|usd|dollars)?/i.exec(
      text,
    );
  if (!m) return null;
  let value = Number((m[2] ?? "").replaceAll(",", ""));
  if (m[3]) value *= 1000;
  const word = (m[4] ?? "").toLowerCase();
  const unit =
    word === "%" || word === "percent"
      ? "percent"
      : /^h/.test(word)
        ? "hours"
        : m[1] || word === "usd" || word === "dollars"
          ? "usd"
          : "none";
  const rest = text.slice((m.index ?? 0) + m[0].length).toLowerCase();
  const per = /^\s*(\/|per|a|an|each)\s*(month|mo)\b/.test(rest)
    ? "month"
    : /^\s*(\/|per|a|an|each)\s*(week|wk)\b/.test(rest)
      ? "week"
      : /^\s*(\/|per|a|an|each)\s*(year|yr|annum)\b/.test(rest)
        ? "year"
        : /^\s*(\/|per|a|an|each)\s*day\b/.test(rest)
          ? "day"
          : "none";
  return { value, unit, per };
}

const round = (n: number) => Math.round(n * 10) / 10;

interface Ctx {
  c: Collector;
  target: Target;
  /** How many API sections were read without a system name, to pick A then B. */
  unnamedApiSections: number;
}

/** The system an API section describes: by name in its heading or first lines, else A then B. */
function systemOf(part: Part, ctx: Ctx): { prefix: "system_a" | "system_b"; note?: string } {
  const near = [
    part.path[part.path.length - 1] ?? "",
    ...part.blocks.slice(0, 1).map((b) => (b.kind === "text" ? b.text : "")),
  ]
    .join(" ")
    .toLowerCase();
  const names = (name: string) => {
    const n = name.toLowerCase();
    const first = n.split(/\s+/)[0] ?? n;
    return (
      near.includes(n) ||
      (first.length >= 3 && new RegExp(`\\b${first.replace(/[^a-z0-9]/g, "")}\\b`).test(near))
    );
  };
  const a = names(ctx.target.systemA);
  const b = names(ctx.target.systemB);
  if (a && !b) return { prefix: "system_a" };
  if (b && !a) return { prefix: "system_b" };
  ctx.unnamedApiSections += 1;
  return ctx.unnamedApiSections === 1
    ? { prefix: "system_a", note: `no system named; the first API section is read as ${ctx.target.systemA}` }
    : {
        prefix: "system_b",
        note: `no system named; the second API section is read as ${ctx.target.systemB}`,
      };
}

/** Label → question (or a handler), per part of the template. */
type LabelHandler = string | ((value: string, where: string, children: string[]) => void);

/** Reads the part's "**Label**: value" lines into the mapped questions; other filled text is unplaced. */
function readLabels(
  part: Part,
  ctx: Ctx,
  labels: Record<string, LabelHandler>,
  rest?: (text: string) => void,
) {
  const where = part.heading;
  const find = (label: string) => {
    const words = headingWords(label);
    let best: [string, LabelHandler] | undefined;
    for (const entry of Object.entries(labels)) {
      if (hasWords(words, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
    }
    return best?.[1];
  };
  const handle = (text: string, children: string[]) => {
    const split = splitLabel(text);
    const handler = split ? find(split.label) : undefined;
    if (split && handler) {
      const value = [split.value, ...children.filter((c) => !isTemplateText(c))].filter(
        (v) => !isTemplateText(v),
      );
      if (value.length === 0) return;
      const label = `${where} › ${split.label}`;
      if (typeof handler === "string") putText(ctx, handler, value, label);
      else handler(value.join("\n"), label, children);
      return;
    }
    if (isTemplateText(text)) return;
    const whole = children.length > 0 ? `${text} (${children.join("; ")})` : text;
    if (rest) rest(whole);
    else ctx.c.miss(where, whole);
  };
  for (const block of part.blocks) {
    if (block.kind === "text") {
      for (const line of block.text.split(/\n(?=\s*\*\*)/)) handle(line, []);
    } else if (block.kind === "list") {
      for (const item of block.items)
        if (item.checked !== false || !isTemplateText(item.text)) handle(item.text, item.children);
    } else if (block.kind === "code" && !isTemplateCode(block.text)) {
      for (const line of block.text.split("\n")) {
        const cleaned = line
          .replace(/^\s*\d+\.\s*/, "")
          .replace(/^\s*[↓|]\s*$/, "")
          .trim();
        if (cleaned !== "") handle(cleaned, []);
      }
    } else if (block.kind === "table") ctx.c.miss(where, block.rows.map((r) => r.join(" | ")).join("; "));
  }
}

/** Puts text into a question of any text-like kind: a list gets the lines, a text the joined text. */
function putText(ctx: Ctx, id: string, lines: string[], where: string, note?: string) {
  const question = ctx.c.question(id);
  const clean = lines.map(plain).filter((l) => l !== "" && !isTemplateText(l));
  if (clean.length === 0) return;
  if (!question) return ctx.c.miss(where, clean.join("; "), `this questionnaire has no question "${id}"`);
  if (question.kind === "list") return ctx.c.put(id, clean, where, note);
  if (question.kind === "long_text") return ctx.c.put(id, clean.join("\n"), where, note);
  if (question.kind === "short_text") return ctx.c.put(id, clean.join("; "), where, note);
  if (question.kind === "number") return putNumber(ctx, id, clean.join(" "), where);
  if (question.kind === "checkboxes" || question.kind === "multi_select") {
    const values = clean.map((l) => matchChoice(question, l));
    clean.forEach((l, i) => {
      if (!values[i]) ctx.c.miss(where, l, `not one of the options of "${question.label}"`);
    });
    const picked = values.filter((v): v is string => v !== undefined);
    if (picked.length > 0) ctx.c.put(id, picked, where, note);
    return;
  }
  if (question.kind === "single_select") {
    const value = matchChoice(question, clean.join(" "));
    if (value) ctx.c.put(id, value, where, note);
    else ctx.c.miss(where, clean.join(" "), `not one of the options of "${question.label}"`);
    return;
  }
  ctx.c.miss(where, clean.join("; "), `"${question.label}" is picked in Slack, not typed`);
}

/** A number question: only when the file's unit fits the question's, converting hours a month to a week. */
function putNumber(ctx: Ctx, id: string, text: string, where: string, readAs?: string) {
  const question = ctx.c.question(id);
  if (question?.kind !== "number")
    return ctx.c.miss(where, text, `this questionnaire has no number question "${id}"`);
  const q = readQuantity(plain(text));
  if (!q) return ctx.c.miss(where, text, `no number in it for "${question.label}"`);
  const unit = (question.unit ?? "").toLowerCase();
  const wantsPercent = unit === "%";
  const wantsHours = unit.startsWith("hours");
  const wantsUsd = unit.startsWith("usd");
  const wantedPer = unit.includes("/month")
    ? "month"
    : unit.includes("/week")
      ? "week"
      : unit.includes("/hour")
        ? "hour"
        : "none";
  const unitFits = wantsPercent
    ? q.unit === "percent" || q.unit === "none"
    : wantsHours
      ? q.unit === "hours" || q.unit === "none"
      : wantsUsd
        ? q.unit === "usd" || q.unit === "none"
        : q.unit === "none";
  if (!unitFits)
    return ctx.c.miss(where, text, `"${question.label}" is in ${question.unit ?? "plain numbers"}`);
  let value = q.value;
  let note: string | undefined;
  if (wantedPer === "week" && q.per === "month") {
    value = round((q.value * 12) / 52);
    note = `${q.value} hours a month is ${value} hours a week`;
  } else if (wantedPer !== "none" && wantedPer !== "hour" && q.per !== "none" && q.per !== wantedPer) {
    return ctx.c.miss(where, text, `"${question.label}" is per ${wantedPer}, this is per ${q.per}`);
  } else if (wantedPer === "none" && q.per !== "none" && wantsHours) {
    return ctx.c.miss(where, text, `"${question.label}" is a total in hours, this is per ${q.per}`);
  }
  ctx.c.put(id, value, where, [readAs, note].filter(Boolean).join("; ") || undefined);
}

function putChoices(
  ctx: Ctx,
  id: string,
  part: Part,
  options?: { takeUnticked?: boolean; otherTo?: string },
) {
  const question = ctx.c.question(id);
  const where = part.heading;
  if (!question || (question.kind !== "checkboxes" && question.kind !== "multi_select")) {
    for (const block of part.blocks)
      if (block.kind === "list")
        for (const i of block.items)
          if (i.checked) ctx.c.miss(where, i.text, `this questionnaire has no question "${id}"`);
    return;
  }
  const picked: string[] = [];
  for (const block of part.blocks) {
    if (block.kind === "text" && !isTemplateText(block.text)) ctx.c.miss(where, block.text);
    if (block.kind !== "list") continue;
    for (const item of block.items) {
      if (item.checked === false && !options?.takeUnticked) continue;
      if (item.checked === null && isTemplateText(item.text)) continue;
      const value = matchChoice(question, item.text);
      if (value && (item.checked === true || item.checked === null)) picked.push(value);
      else if (!value && item.checked !== false && !isTemplateText(item.text)) {
        if (options?.otherTo) putText(ctx, options.otherTo, [item.text], where);
        else ctx.c.miss(where, item.text, `not one of the options of "${question.label}"`);
      }
    }
  }
  if (picked.length > 0) ctx.c.put(id, picked, where);
}

/** Every filled line of a part (list items, paragraphs), for list and text questions. */
function filledLines(part: Part, opts: { ticked?: "any" | "ticked" } = {}): string[] {
  const lines: string[] = [];
  for (const block of part.blocks) {
    if (block.kind === "text") lines.push(...block.text.split("\n"));
    else if (block.kind === "list")
      for (const item of block.items) {
        if (item.checked === false && opts.ticked === "ticked") continue;
        lines.push(item.children.length > 0 ? `${item.text} (${item.children.join("; ")})` : item.text);
      }
    else if (block.kind === "code" && !isTemplateCode(block.text)) lines.push(block.text);
  }
  return lines.map((l) => l.trim()).filter((l) => !isTemplateText(l));
}

function readPhase(part: Part, ctx: Ctx, number: number) {
  const where = part.heading;
  let goal = "";
  let section: "features" | "criteria" | "other" = "other";
  const features: string[] = [];
  const criteria: string[] = [];
  for (const block of part.blocks) {
    if (block.kind === "text") {
      for (const line of block.text.split("\n")) {
        const split = splitLabel(line);
        const words = split ? headingWords(split.label) : [];
        if (split && words.includes("goal")) {
          if (!isTemplateText(split.value)) goal = plain(split.value);
          section = "other";
        } else if (split && words.includes("features")) {
          section = "features";
          if (!isTemplateText(split.value)) features.push(plain(split.value));
        } else if (split && words.includes("success")) {
          section = "criteria";
          if (!isTemplateText(split.value)) criteria.push(plain(split.value));
        } else if (!isTemplateText(line)) ctx.c.miss(where, line);
      }
    } else if (block.kind === "list") {
      const into = section === "criteria" ? criteria : features;
      for (const item of block.items) if (!isTemplateText(item.text)) into.push(plain(item.text));
    }
  }
  const title = plain(part.path[part.path.length - 1] ?? `Phase ${number}`).replace(
    /\s*\((week|weeks)[^)]*\)\s*$/i,
    "",
  );
  if (number === 1) {
    if (goal) ctx.c.put("mvp_goal", goal, `${where} › Goal`);
    if (features.length > 0) putText(ctx, "mvp_features", features, `${where} › Features`);
    if (criteria.length > 0) putText(ctx, "mvp_success_criteria", criteria, `${where} › Success Criteria`);
    return;
  }
  if (!goal && features.length === 0) return;
  if (!goal) return ctx.c.miss(where, features.join("; "), "a later phase needs a goal");
  const question = ctx.c.question("later_phases") as TableQuestion | undefined;
  const before = (ctx.c.answers.get("later_phases")?.value as TableRow[] | undefined) ?? [];
  if (!question) return ctx.c.miss(where, goal, 'this questionnaire has no "later_phases" question');
  ctx.c.answers.delete("later_phases");
  ctx.c.put("later_phases", [...before, { phase: title, goal, features: features.join("; ") }], where);
  if (criteria.length > 0)
    ctx.c.miss(where, criteria.join("; "), "success criteria of a later phase have no question");
}

function readRisks(part: Part, ctx: Ctx, level: "High" | "Medium" | "Low") {
  const where = part.heading;
  for (const block of part.blocks) {
    if (block.kind === "text" && !isTemplateText(block.text)) ctx.c.miss(where, block.text);
    if (block.kind !== "list") continue;
    for (const item of block.items) {
      const head = splitLabel(item.text);
      const description = plain(head && headingWords(head.label).includes("risk") ? head.value : item.text);
      if (isTemplateText(description)) continue;
      let impact = "";
      let mitigation = "";
      let likelihood = "";
      let owner = "";
      for (const child of item.children) {
        const split = splitLabel(child);
        if (!split || isTemplateText(split.value)) continue;
        const w = headingWords(split.label);
        if (w.includes("impact")) impact = plain(split.value);
        else if (w.includes("mitigation")) mitigation = plain(split.value);
        else if (w.includes("likelihood") || w.includes("probability")) likelihood = plain(split.value);
        else if (w.includes("owner")) owner = plain(split.value);
      }
      const risk = impact ? `${description} (impact: ${impact})` : description;
      const stated = /\b(high|medium|low)\b/i.exec(likelihood)?.[1];
      if (!stated)
        ctx.c.miss(
          where,
          `${risk}${mitigation ? `; mitigation: ${mitigation}` : ""}`,
          "the risks table needs a likelihood and the document gives none; add it in the review or in the interview",
        );
      else if (!mitigation) ctx.c.miss(where, risk, "the risks table needs a mitigation");
      else {
        const row = { risk, likelihood: stated, impact: level, mitigation, owner };
        const before = (ctx.c.answers.get("risks")?.value as TableRow[] | undefined) ?? [];
        const previous = ctx.c.answers.get("risks");
        ctx.c.answers.delete("risks");
        ctx.c.put(
          "risks",
          [...before, row],
          previous ? (previous.from.includes(where) ? previous.from : `${previous.from}; ${where}`) : where,
          "impact from the heading's level",
        );
      }
    }
  }
}

function readStakeholders(part: Part, ctx: Ctx) {
  const where = part.heading;
  const people: Array<{ name: string; role: string; email: string }> = [];
  for (const line of filledLines(part)) {
    const split = splitLabel(line);
    if (!split) {
      ctx.c.miss(where, line);
      continue;
    }
    if (isTemplateText(split.value)) continue;
    const name = plain(split.value)
      .replace(/\s*[-–—]\s*(\[Date\]|\d{4}-\d{2}-\d{2}.*|[A-Z][a-z]+ \d{1,2},? \d{4})$/, "")
      .trim();
    if (isTemplateText(name)) continue;
    const email = /[\w.+-]+@[\w-]+\.[\w.]+/.exec(name)?.[0] ?? "";
    people.push({
      name: name
        .replace(email, "")
        .replace(/[(<>),]+\s*$/, "")
        .trim(),
      role: split.label,
      email,
    });
  }
  if (people.length === 0) return;
  const table = allQuestions(ctx.target.questionnaire).find(
    (q): q is TableQuestion =>
      q.kind === "table" &&
      q.columns.some((c) => c.id === "name") &&
      q.columns.some((c) => c.id === "role") &&
      q.columns.every((c) => c.optional || ["name", "role", "email", "contact"].includes(c.id)),
  );
  if (table) {
    ctx.c.put(
      table.id,
      people.map((p) =>
        Object.fromEntries(
          table.columns.map((c) => [
            c.id,
            c.id === "name"
              ? p.name
              : c.id === "role"
                ? p.role
                : c.id === "email" || c.id === "contact"
                  ? p.email
                  : "",
          ]),
        ),
      ),
      where,
    );
    return;
  }
  for (const p of people)
    ctx.c.miss(
      where,
      `${p.role}: ${p.name}`,
      "a name cannot fill a person picker; pick them with /intplan interview in the sign-off section",
    );
}

/** What each part of the template fills, by the words of its heading (the deepest heading wins). */
const PARTS: Array<{ key: string; read: (part: Part, ctx: Ctx) => void }> = [
  { key: "executive summary", read: (p, x) => putText(x, "executive_summary", filledLines(p), p.heading) },
  {
    key: "current state",
    read: (p, x) => {
      const prose: string[] = [];
      const problems: string[] = [];
      for (const b of p.blocks) {
        if (b.kind === "text") prose.push(b.text);
        if (b.kind === "list") problems.push(...b.items.map((i) => i.text));
      }
      putText(x, "current_state", prose, p.heading);
      putText(x, "pain_points", problems, p.heading);
    },
  },
  { key: "vision", read: (p, x) => putText(x, "dream_state", filledLines(p), p.heading) },
  { key: "dream state", read: (p, x) => putText(x, "dream_state", filledLines(p), p.heading) },
  {
    key: "immediate value",
    read: (p, x) =>
      readLabels(p, x, { "strategic advantage": "strategic_advantage" }, (t) =>
        putText(x, "mvp_benefits", [t], p.heading),
      ),
  },
  {
    key: "future value",
    read: (p, x) =>
      readLabels(p, x, { "strategic advantage": "strategic_advantage" }, (t) =>
        putText(x, "future_benefits", [t], p.heading),
      ),
  },
  {
    key: "user flow",
    read: (p, x) =>
      readLabels(p, x, {
        "user action": "journey_trigger",
        trigger: "journey_trigger",
        "system response": "journey_system_response",
        "integration point": "journey_integration_point",
        "data processing": "journey_data_processing",
        "user feedback": "journey_user_feedback",
        "business outcome": "journey_business_outcome",
      }),
  },
  {
    key: "alternative flows",
    read: (p, x) =>
      readLabels(
        p,
        x,
        {
          "error case": "flow_error_case",
          "partial data": "flow_partial_data",
          "rate limited": "flow_rate_limited",
        },
        (t) => putText(x, "edge_cases", [t], p.heading),
      ),
  },
  {
    key: "api capabilities",
    read: (p, x) => {
      const system = systemOf(p, x);
      const s = system.prefix;
      const note = system.note;
      const choose = (
        id: string,
        words: Array<[RegExp, string]>,
        value: string,
        where: string,
        single: boolean,
      ) => {
        const found = picks(value, words);
        if (found.length === 0) return x.c.miss(where, value, `names none of the options of ${id}`);
        x.c.put(id, single ? (found[0] as string) : found, where, note);
      };
      readLabels(p, x, {
        authentication: (v, w) => choose(`${s}_auth_method`, AUTH_WORDS, v, w, true),
        "rate limits": (v, w) => x.c.put(`${s}_rate_limit`, plain(v), w, note),
        "rate limit": (v, w) => x.c.put(`${s}_rate_limit`, plain(v), w, note),
        "data formats": (v, w) => choose(`${s}_data_formats`, FORMAT_WORDS, v, w, false),
        "real time batch": (v, w) => {
          choose(`${s}_sync_modes`, MODE_WORDS, v, w, false);
          if (/webhook/i.test(v))
            x.c.put(`${s}_webhooks`, "yes", w, `it names webhooks${note ? `; ${note}` : ""}`);
        },
        reliability: (v, w) => x.c.put(`${s}_sla`, plain(v), w, note),
        sla: (v, w) => x.c.put(`${s}_sla`, plain(v), w, note),
        "batch operations": (v, w) => x.c.put(`${s}_batch_operations`, plain(v), w, note),
        quirks: (v, w) => putText(x, `${s}_quirks`, v.split("\n"), w, note),
        "account details": (v, w) => x.c.put(`${s}_account_details`, plain(v), w, note),
      });
    },
  },
  {
    key: "their data structure",
    read: (p, x) => putText(x, "source_payload_example", filledLines(p), p.heading),
  },
  { key: "data structure", read: (p, x) => putText(x, "target_model", filledLines(p), p.heading) },
  {
    key: "transformation logic",
    read: (p, x) => {
      for (const b of p.blocks) {
        if (b.kind !== "table") continue;
        const read = readMappingRows(
          b.rows,
          x.target.systemA,
          x.target.systemB,
          (i) => `${p.heading} › table row ${i}`,
        );
        if (read && read.mappings.length > 0)
          x.c.put("field_mappings", read.mappings, `${p.heading} › table`);
        if (read) x.c.unplaced.push(...read.unplaced);
        else
          x.c.miss(
            p.heading,
            b.rows.map((r) => r.join(" | ")).join("; "),
            "a table without source and target columns",
          );
      }
      readLabels({ ...p, blocks: p.blocks.filter((b) => b.kind !== "table") }, x, {
        "field mappings": (v, w) =>
          x.c.miss(
            w,
            v,
            "field mappings are a table: use a Source | Target | Transformation table, or import a mapping sheet",
          ),
        enrichment: (v, w) => putText(x, "data_enrichment", v.split("\n"), w),
        validation: (v, w) => putText(x, "validation_rules", v.split(/\n|;\s*/), w),
        "default values": (v, w) => putText(x, "default_values", v.split(/\n|;\s*/), w),
        defaults: (v, w) => putText(x, "default_values", v.split(/\n|;\s*/), w),
      });
    },
  },
  { key: "field mappings", read: (p, x) => PARTS.find((e) => e.key === "transformation logic")?.read(p, x) },
  { key: "sync strategy", read: (p, x) => putChoices(x, "sync_strategy", p) },
  { key: "data flow", read: (p, x) => putText(x, "data_flow", filledLines(p), p.heading) },
  {
    key: "error handling",
    read: (p, x) =>
      readLabels(p, x, {
        retry: "retry_logic",
        fallback: "fallback_behavior",
        notification: "failure_notification",
        "user notification": "failure_notification",
        recovery: "recovery_process",
      }),
  },
  {
    key: "configuration interface",
    read: (p, x) =>
      readLabels(p, x, { credentials: "credential_validation", validate: "credential_validation" }, (t) =>
        putText(x, "config_settings", [t], p.heading),
      ),
  },
  { key: "data display", read: (p, x) => putText(x, "data_display", filledLines(p), p.heading) },
  { key: "status monitoring", read: (p, x) => putText(x, "status_visibility", filledLines(p), p.heading) },
  { key: "authentication authorization", read: (p, x) => putChoices(x, "auth_security_checks", p) },
  { key: "data security", read: (p, x) => putChoices(x, "data_security_checks", p) },
  { key: "compliance", read: (p, x) => putChoices(x, "compliance_checks", p) },
  {
    key: "response times",
    read: (p, x) =>
      readLabels(p, x, {
        sync: "target_sync_duration",
        "api calls": "api_timeouts",
        api: "api_timeouts",
        "user interface": "ui_loading_states",
        ui: "ui_loading_states",
      }),
  },
  {
    key: "scalability",
    read: (p, x) =>
      readLabels(p, x, { volume: "data_volume", growth: "growth_rate", storage: "storage_needs" }),
  },
  { key: "optimization strategies", read: (p, x) => putChoices(x, "optimization_strategies", p) },
  { key: "phase 1", read: (p, x) => readPhase(p, x, 1) },
  { key: "phase 2", read: (p, x) => readPhase(p, x, 2) },
  { key: "phase 3", read: (p, x) => readPhase(p, x, 3) },
  { key: "phase 4", read: (p, x) => readPhase(p, x, 4) },
  {
    key: "key metrics",
    read: (p, x) =>
      readLabels(p, x, {
        "success rate": (v, w) => putNumber(x, "target_sync_success_rate", v, w),
        "error rate": (v, w) => putNumber(x, "target_error_rate", v, w),
        freshness: "data_freshness",
        "sync time": "target_sync_duration",
        accuracy: "accuracy_metric",
      }),
  },
  {
    key: "alerts",
    read: (p, x) => {
      for (const line of filledLines(p, { ticked: "ticked" }))
        x.c.miss(
          p.heading,
          line,
          "alerts need a threshold, severity and response time: add them in the monitoring section",
        );
    },
  },
  { key: "reporting", read: (p, x) => putChoices(x, "reporting", p) },
  {
    key: "direct costs",
    read: (p, x) =>
      readLabels(p, x, { api: "api_costs", storage: "storage_costs", processing: "processing_costs" }),
  },
  {
    key: "indirect costs",
    read: (p, x) =>
      readLabels(p, x, {
        development: (v, w) => putNumber(x, "development_hours", v, w),
        maintenance: (v, w) => putNumber(x, "maintenance_hours_per_month", v, w),
        support: (v, w) => putNumber(x, "support_hours_per_month", v, w),
      }),
  },
  {
    key: "roi",
    read: (p, x) =>
      readLabels(p, x, {
        "time saved": (v, w) =>
          putNumber(x, "hours_per_week", v, w, "the time saved, read as the hours spent by hand today"),
        revenue: (v, w) => putNumber(x, "revenue_impact", v, w),
      }),
  },
  { key: "high risks", read: (p, x) => readRisks(p, x, "High") },
  { key: "medium risks", read: (p, x) => readRisks(p, x, "Medium") },
  { key: "low risks", read: (p, x) => readRisks(p, x, "Low") },
  { key: "business questions", read: (p, x) => putText(x, "business_questions", filledLines(p), p.heading) },
  {
    key: "technical questions",
    read: (p, x) => putText(x, "technical_questions", filledLines(p), p.heading),
  },
  { key: "ux questions", read: (p, x) => putText(x, "ux_questions", filledLines(p), p.heading) },
  {
    key: "external dependencies",
    read: (p, x) => putChoices(x, "external_dependencies", p, { otherTo: "additional_dependencies" }),
  },
  {
    key: "internal dependencies",
    read: (p, x) => putChoices(x, "internal_dependencies", p, { otherTo: "additional_dependencies" }),
  },
  { key: "mvp success", read: (p, x) => putText(x, "mvp_success_criteria", filledLines(p), p.heading) },
  {
    key: "long term success",
    read: (p, x) => putText(x, "long_term_success_metrics", filledLines(p), p.heading),
  },
  { key: "developer documentation", read: (p, x) => putChoices(x, "developer_docs", p) },
  { key: "user documentation", read: (p, x) => putChoices(x, "user_docs", p) },
  { key: "stakeholders", read: readStakeholders },
  { key: "review notes", read: (p, x) => putText(x, "review_notes", filledLines(p), p.heading) },
  {
    key: "tests",
    read: (p, x) => {
      for (const l of filledLines(p))
        x.c.miss(
          p.heading,
          l,
          "test code has no question; UAT and error scenarios are asked in the testing section",
        );
    },
  },
];

const partReader = (heading: string) => {
  const words = headingWords(heading);
  let best: (typeof PARTS)[number] | undefined;
  for (const entry of PARTS)
    if (hasWords(words, entry.key) && (!best || entry.key.split(" ").length > best.key.split(" ").length))
      best = entry;
  return best;
};

export function discoveryDocumentProposal(markdown: string, target: Target): ImportProposal {
  const ctx: Ctx = { c: new Collector(target.questionnaire), target, unnamedApiSections: 0 };
  for (const part of partsOf(markdown)) {
    if (part.depth === 1 && part.blocks.length === 0) continue;
    const reader = partReader(part.path[part.path.length - 1] ?? "");
    if (reader) {
      reader.read(part, ctx);
      continue;
    }
    for (const line of filledLines(part, { ticked: "ticked" })) ctx.c.miss(part.heading, line);
  }
  const order = allQuestions(target.questionnaire).map((q) => q.id);
  const answers = [...ctx.c.answers.values()].sort(
    (a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId),
  );
  return { format: "discovery-document", answers, unplaced: ctx.c.unplaced };
}
