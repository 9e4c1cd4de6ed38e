/** The /intplan grammar: one parser for the slash text, and the usage line of every subcommand. */

import {
  DOCUMENT_FILE_NAMES,
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  type DocumentKind,
  VERSION_LABEL_MAX,
} from "../domain/document-kinds.js";
import { PHASE_STATUSES, type PhaseStatus as PhaseStatusWord } from "../domain/phases.js";
import { truncateText, wellFormed } from "../domain/text.js";
import { plainFromTyped } from "./slack-text.js";

/** What `/intplan export` uploads: a document of the suite (Markdown), or the discovery answers (JSON). */
export type ExportDoc = DocumentKind | "answers";

/**
 * The words a document goes by after `publish`, `export`, `freeze` and `edit`: its kind (`sow`), its file
 * name (`statement-of-work`), and the obvious short forms people type.
 */
const DOCUMENT_ALIASES: Readonly<Record<string, DocumentKind>> = {
  ...Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, kind])),
  ...Object.fromEntries(DOCUMENT_KINDS.map((kind) => [DOCUMENT_FILE_NAMES[kind], kind])),
  "discovery-doc": "discovery",
  spec: "specs",
  specifications: "specs",
  "tech-specs": "specs",
  "technical-specs": "specs",
  test: "tests",
  testcases: "tests",
};

/** The document a word names (`SOW`, `test-cases`, `technical_specs`), if any. */
export function documentKindOf(word: string): DocumentKind | undefined {
  const key = word.toLowerCase().replace(/_/g, "-");
  return Object.hasOwn(DOCUMENT_ALIASES, key) ? DOCUMENT_ALIASES[key] : undefined;
}

/** The documents' words, as an error lists them: "`plan`, `discovery`, … or `playbook`". */
const documentWords = (extra: readonly string[] = []): string => {
  const words = [...DOCUMENT_KINDS, ...extra].map((w) => `\`${w}\``);
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
};

export type Command =
  | { name: "help" }
  | { name: "new" }
  | { name: "interview"; section: string | null }
  | { name: "plan" }
  | { name: "discovery" }
  | { name: "publish"; doc: DocumentKind }
  | { name: "docs" }
  | { name: "export"; doc: ExportDoc }
  | { name: "edit"; doc: DocumentKind }
  | { name: "edit-project" }
  | { name: "freeze"; doc: DocumentKind; label: string | null }
  | { name: "versions" }
  | { name: "status" }
  | { name: "phase"; phase: string; status: PhaseStatusWord; note: string | null }
  /** `owner`: the text after the word, as Slack sent it (a mention, or `default`). */
  | { name: "phase-owner"; phase: string; owner: string }
  | { name: "blocker"; text: string }
  | { name: "blocker-resolve"; id: number; note: string | null }
  | { name: "blockers" }
  | { name: "history"; page: number }
  /** `upgrade`: asks to move the project to the latest questionnaire (a confirmation first). */
  | { name: "questionnaire"; upgrade: boolean }
  /** `sections`: as typed (numbers or names), resolved against the project's questionnaire by the handler. */
  | { name: "ask"; personId: string; sections: string[]; note: string | null }
  | { name: "ask-cancel"; personId: string | null; sections: string[] }
  | { name: "ask-list" }
  | { name: "import" }
  /** Posts the weekly digest in the channel now. */
  | { name: "digest" }
  /** Opens the channel's reminder settings (changed by the lead or PM, seen by anyone). */
  | { name: "settings" }
  | { name: "delete" };

export type CommandName = Command["name"];

export interface Usage {
  name: CommandName;
  usage: string;
  description: string;
}

export const USAGES: readonly Usage[] = [
  { name: "new", usage: "/intplan new", description: "Start an integration project in this channel" },
  {
    name: "interview",
    usage: "/intplan interview [section]",
    description: "Answer the discovery questions, a section at a time",
  },
  { name: "plan", usage: "/intplan plan", description: `Post or refresh the ${DOCUMENT_TITLES.plan} canvas` },
  {
    name: "discovery",
    usage: "/intplan discovery",
    description: `Post or refresh the ${DOCUMENT_TITLES.discovery} canvas`,
  },
  {
    name: "publish",
    usage: "/intplan publish <document>",
    description:
      "Post any document of the suite as a canvas in the channel's tabs, or bring it up to date; kept up to date after that",
  },
  {
    name: "docs",
    usage: "/intplan docs",
    description:
      "List the seven documents: published or not, up to date or not, the last frozen version; with buttons to publish or export each",
  },
  {
    name: "export",
    usage: "/intplan export [<document>|answers]",
    description: "Upload a document (Markdown) or the answers (JSON) as a file (the plan when none is named)",
  },
  {
    name: "edit",
    usage: "/intplan edit <document>",
    description: "Put your own wording in a section of a document; it stays through refreshes until reverted",
  },
  {
    name: "edit-project",
    usage: "/intplan edit project",
    description:
      "Change the project's basics: name, client, systems, integration types, lead, PM, go-live, volume, summary",
  },
  {
    name: "freeze",
    usage: "/intplan freeze <document> [label]",
    description: `Keep this version of a document for the client, numbered, as a Word and a Markdown file (label: at most ${VERSION_LABEL_MAX} characters)`,
  },
  {
    name: "versions",
    usage: "/intplan versions",
    description: "List the frozen versions: who froze them, when, and their files",
  },
  { name: "status", usage: "/intplan status", description: "Show the project's status" },
  {
    name: "phase",
    usage: "/intplan phase <1-5|name> <not-started|in-progress|blocked|done> [note]",
    description: "Change a phase's status",
  },
  {
    name: "phase-owner",
    usage: "/intplan phase <1-5|name> owner @person|default",
    description: "Set who owns a phase (default: the owner the team gives it, e.g. the lead for Discovery)",
  },
  {
    name: "blocker",
    usage: "/intplan blocker <text> [@owner] [--client]",
    description: "Log a blocker (--client: waiting on the client)",
  },
  {
    name: "blocker-resolve",
    usage: "/intplan blocker resolve <id> [note]",
    description: "Resolve a blocker",
  },
  { name: "blockers", usage: "/intplan blockers", description: "List open blockers" },
  { name: "history", usage: "/intplan history [page]", description: "Show who changed what, newest first" },
  {
    name: "questionnaire",
    usage: "/intplan questionnaire [upgrade]",
    description:
      "Show the project's questionnaire version and what the latest adds, with a button that moves the project to it after a confirmation (answers carried over); upgrade shows the same",
  },
  {
    name: "ask",
    usage: "/intplan ask @person <sections…> [-- note]",
    description:
      "Ask the person who knows to answer sections (by number or name; say which): they get a button that opens just those, and the board shows what they owe until they answer",
  },
  {
    name: "ask-cancel",
    usage: "/intplan ask cancel [@person] [sections…]",
    description:
      "Cancel asks that are no longer needed (everyone's, after a confirmation, when no one is named)",
  },
  { name: "ask-list", usage: "/intplan ask", description: "List who still owes which sections" },
  {
    name: "import",
    usage: "/intplan import",
    description:
      "Fill answers from a file (an answers JSON from another project, a discovery document, a mapping sheet), after a review",
  },
  {
    name: "digest",
    usage: "/intplan digest",
    description:
      "Post the weekly digest now: what changed, progress per phase, open blockers, who owes what, the next milestone and the go-live",
  },
  {
    name: "settings",
    usage: "/intplan settings",
    description:
      "See or change what intplan sends on its own: nudges, the weekly digest, working days, quiet hours, or nothing at all",
  },
  { name: "delete", usage: "/intplan delete", description: "Delete this channel's project and all its data" },
  { name: "help", usage: "/intplan help", description: "Show this help" },
];

export function usageOf(name: CommandName): string {
  return USAGES.find((u) => u.name === name)?.usage ?? "/intplan help";
}

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; error: string; usage: string | null; unknown?: string };

const fail = (error: string, name: CommandName | null): ParseResult => ({
  ok: false,
  error,
  usage: name ? usageOf(name) : null,
});

/** Statuses as people type them. */
const STATUS_ALIASES: Record<string, PhaseStatusWord> = {
  "not-started": "not-started",
  notstarted: "not-started",
  todo: "not-started",
  "to-do": "not-started",
  pending: "not-started",
  "in-progress": "in-progress",
  inprogress: "in-progress",
  started: "in-progress",
  start: "in-progress",
  wip: "in-progress",
  active: "in-progress",
  doing: "in-progress",
  blocked: "blocked",
  stuck: "blocked",
  "on-hold": "blocked",
  done: "done",
  complete: "done",
  completed: "done",
  finished: "done",
};

export function parsePhaseStatus(word: string): PhaseStatusWord | null {
  return STATUS_ALIASES[word.toLowerCase().replace(/_/g, "-")] ?? null;
}

/** Splits off the first word; the rest keeps its own spacing. */
function firstWord(text: string): [string, string] {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  return match ? [match[1] ?? "", match[2] ?? ""] : ["", ""];
}

/**
 * Words people type after a subcommand when they mean to look rather than change something
 * (`blocker list`, `phase show`): a text made only of these (and an id) is a near-miss, never a blocker's
 * text or a phase's name.
 */
const LOOK_WORDS: ReadonlySet<string> = new Set([
  "list",
  "ls",
  "show",
  "view",
  "all",
  "open",
  "help",
  "?",
  "status",
  "summary",
]);

/** Words that mean "resolve" when followed by a blocker id (`blocker close #3`). */
const RESOLVE_WORDS: ReadonlySet<string> = new Set([
  "resolved",
  "close",
  "closed",
  "done",
  "fix",
  "fixed",
  "solve",
  "solved",
  "clear",
  "remove",
  "delete",
  "rm",
  "unblock",
]);

const BLOCKER_ID = /^#?(\d{1,9})$/;

/** True when every word is a look word, but for at most one id: `list`, `show 3`, `list all`. */
function isLookingOnly(words: readonly string[]): boolean {
  const [first, ...others] = words.map((w) => w.toLowerCase());
  if (!first || !LOOK_WORDS.has(first) || others.length > 1) return false;
  return others.every((w) => LOOK_WORDS.has(w) || BLOCKER_ID.test(w));
}

/** A near-miss: a question back, with the command that was probably meant; nothing is changed. */
const didYouMean = (meant: string, what: string, usage: CommandName): ParseResult =>
  fail(`Did you mean \`${meant}\`? ${what}`, usage);

function parsePhase(rest: string): ParseResult {
  const words = rest.split(/\s+/).filter(Boolean);
  if (isLookingOnly(words))
    return didYouMean("/intplan status", "It shows every phase. Nothing was changed.", "phase");
  if (words.length < 2) return fail("Say which phase and its new status.", "phase");
  // A status may follow a phase name of several words ("post launch done"), and may itself be two words
  // ("in progress", "not started", "on hold"): find the first status, or the word `owner`.
  for (let i = 1; i < words.length; i++) {
    if (words[i]?.toLowerCase() === "owner") {
      const owner = words.slice(i + 1).join(" ");
      if (!owner) return fail("Say who owns the phase: `@person`, or `default`.", "phase-owner");
      return { ok: true, command: { name: "phase-owner", phase: words.slice(0, i).join(" "), owner } };
    }
    const twoWords = parsePhaseStatus(`${words[i]}-${words[i + 1] ?? ""}`);
    const status = twoWords ?? parsePhaseStatus(words[i] ?? "");
    if (status) {
      const note = words
        .slice(i + (twoWords ? 2 : 1))
        .join(" ")
        .trim();
      return {
        ok: true,
        command: { name: "phase", phase: words.slice(0, i).join(" "), status, note: note || null },
      };
    }
  }
  return fail(`No status found. Use one of: ${PHASE_STATUSES.join(", ")}.`, "phase");
}

/** `publish <document>`: exactly one document. */
function parsePublish(rest: string): ParseResult {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return fail(`Say which document to publish: ${documentWords()}.`, "publish");
  const doc = words.length === 1 ? documentKindOf(words[0] ?? "") : undefined;
  if (!doc)
    return fail(
      `Cannot publish "${truncateText(rest.trim(), 40)}": say one of ${documentWords()}. Nothing was published.`,
      "publish",
    );
  return { ok: true, command: { name: "publish", doc } };
}

/** `export [<document>|answers]`: the plan when nothing is named, else exactly one document or `answers`. */
function parseExport(rest: string): ParseResult {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: true, command: { name: "export", doc: "plan" } };
  const [word = ""] = words;
  const doc: ExportDoc | undefined =
    words.length !== 1 ? undefined : word.toLowerCase() === "answers" ? "answers" : documentKindOf(word);
  if (!doc)
    return fail(
      `Cannot export "${truncateText(rest.trim(), 40)}": say one of ${documentWords(["answers"])}. Nothing was uploaded.`,
      "export",
    );
  return { ok: true, command: { name: "export", doc } };
}

/** `freeze <document> [label]`: the label is free text, as a person typed it (quotes around it dropped). */
function parseFreeze(rest: string): ParseResult {
  const [word, after] = firstWord(rest);
  if (!word) return fail(`Say which document to freeze: ${documentWords()}.`, "freeze");
  const doc = documentKindOf(word);
  if (!doc)
    return fail(
      `Cannot freeze "${truncateText(word, 40)}": say one of ${documentWords()}. Nothing was frozen.`,
      "freeze",
    );
  const typed = wellFormed(plainFromTyped(after));
  const label = (/^(["'“‘])(.*)(["'”’])$/u.exec(typed)?.[2] ?? typed).trim();
  if (label.length > VERSION_LABEL_MAX)
    return fail(
      `A label is at most ${VERSION_LABEL_MAX} characters (yours has ${label.length.toLocaleString("en-US")}). Nothing was frozen.`,
      "freeze",
    );
  return { ok: true, command: { name: "freeze", doc, label: label || null } };
}

const MENTION_AT_START = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s*([\s\S]*)$/;
const ANY_MENTION = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/;
/** Where a note starts after the sections: ` -- `, an em dash, or an opening quote. */
const NOTE_START = /\s--\s|^--\s|\s—\s|^—\s|["“]/;

/** A list of sections as typed: comma-separated items, a run of numbers also split at spaces ("5 7"). */
function sectionItems(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item) => (/^\d+(\s+\d+)*$/.test(item) ? item.split(/\s+/) : [item]));
}

/**
 * `<sections…> [-- note]`: the sections, then the note after ` -- ` or in quotes. Without either, leading
 * numbers are the sections and what follows them is the note (`5 7 the volumes please`); a text starting
 * with a name is all sections (`security, go live`).
 */
export function splitSectionsAndNote(text: string): { sections: string[]; note: string | null } {
  const trimmed = text.trim();
  const at = NOTE_START.exec(trimmed);
  if (at) {
    const note = trimmed
      .slice(at.index)
      .replace(/^\s*(--|—)\s*/, "")
      .trim();
    const unquoted = /^["“](.*?)["”]?$/su.exec(note)?.[1] ?? note;
    return { sections: sectionItems(trimmed.slice(0, at.index)), note: unquoted.trim() || null };
  }
  const numbers = /^(\d+(?:\s*,\s*|\s+|$))+/.exec(trimmed)?.[0] ?? "";
  if (numbers) {
    const note = trimmed.slice(numbers.length).trim();
    return { sections: sectionItems(numbers.replace(/,/g, " ")), note: note || null };
  }
  return { sections: sectionItems(trimmed), note: null };
}

/** `ask`, `ask @person <sections…> [-- note]`, `ask cancel [@person] [sections…]`. */
function parseAsk(rest: string): ParseResult {
  const typed = rest.trim();
  if (!typed || isLookingOnly(typed.split(/\s+/))) return { ok: true, command: { name: "ask-list" } };
  const [first, after] = firstWord(typed);
  if (first.toLowerCase() === "cancel") {
    const mention = MENTION_AT_START.exec(after.trim());
    const others = mention ? (mention[2] ?? "") : after;
    if (ANY_MENTION.test(others))
      return fail("Cancel one person's asks at a time. Nothing was cancelled.", "ask-cancel");
    return {
      ok: true,
      command: { name: "ask-cancel", personId: mention?.[1] ?? null, sections: sectionItems(others) },
    };
  }
  const mention = MENTION_AT_START.exec(typed);
  if (!mention)
    return fail(`Say who to ask: mention them first (\`/intplan ask @dana 5\`). Nothing was asked.`, "ask");
  const { sections, note } = splitSectionsAndNote(mention[2] ?? "");
  if (sections.some((s) => ANY_MENTION.test(s)))
    return fail("Ask one person at a time (run the command once for each). Nothing was asked.", "ask");
  return { ok: true, command: { name: "ask", personId: mention[1] as string, sections, note } };
}

function parseBlocker(rest: string): ParseResult {
  const [first, after] = firstWord(rest);
  if (first.toLowerCase() === "resolve") {
    const [idWord, note] = firstWord(after);
    const id = BLOCKER_ID.exec(idWord)?.[1];
    if (!id)
      return fail(
        idWord ? `"${truncateText(idWord, 40)}" is not a blocker id.` : "Say which blocker to resolve.",
        "blocker-resolve",
      );
    return { ok: true, command: { name: "blocker-resolve", id: Number(id), note: note.trim() || null } };
  }
  if (!rest.trim()) return fail("Describe the blocker.", "blocker");
  const words = rest.trim().split(/\s+/);
  if (isLookingOnly(words))
    return didYouMean("/intplan blockers", "It lists the open blockers. Nothing was logged.", "blocker");
  // "close #3 keys arrived", "done 3": a resolve, misspoken. A bare number without "#" only when nothing
  // follows it, so "fix 2 failing webhooks" stays a blocker's text.
  const [verb, maybeId, ...noteWords] = words;
  const id = maybeId === undefined ? undefined : BLOCKER_ID.exec(maybeId)?.[1];
  const hashed = maybeId?.startsWith("#") ?? false;
  if (verb && RESOLVE_WORDS.has(verb.toLowerCase()) && id && (hashed || noteWords.length === 0))
    return didYouMean(
      `/intplan blocker resolve ${id}${noteWords.length > 0 ? " <note>" : ""}`,
      "Nothing was logged or resolved.",
      "blocker-resolve",
    );
  return { ok: true, command: { name: "blocker", text: rest.trim() } };
}

const NO_ARGUMENTS: ReadonlySet<CommandName> = new Set([
  "new",
  "plan",
  "discovery",
  "status",
  "blockers",
  "help",
  "delete",
  "versions",
  "docs",
  "import",
  "digest",
  "settings",
]);

/** The first word of every subcommand's usage: what people type after `/intplan`. */
const SUBCOMMAND_WORDS: readonly string[] = [
  ...new Set(USAGES.map((u) => u.usage.split(/\s+/)[1] ?? "").filter(Boolean)),
];

/** Edits (insert, delete, substitute, swap two neighbours) from one word to another. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] ?? Number.POSITIVE_INFINITY;
}

/** The one subcommand a mistyped word most likely meant ("blocer", "interveiw", "stat"), if any. */
function closestSubcommand(word: string): string | undefined {
  if (word.length < 3) return undefined;
  const prefixed = SUBCOMMAND_WORDS.filter((w) => w.startsWith(word));
  if (prefixed.length === 1) return prefixed[0];
  const allowed = word.length >= 6 ? 2 : 1;
  const near = SUBCOMMAND_WORDS.map((w) => ({ w, d: editDistance(word, w) }))
    .filter((c) => c.d <= allowed)
    .sort((x, y) => x.d - y.d);
  if (near.length === 0 || (near.length > 1 && near[0]?.d === near[1]?.d)) return undefined;
  return near[0]?.w;
}

/** Parses the text after `/intplan`. An empty text is help. */
export function parseCommand(raw: string): ParseResult {
  // Control characters (including newlines) become spaces: a slash command is one line of intent.
  // Invisible format characters pasted around the text (a byte-order mark, a zero-width space) are dropped.
  const text = raw
    .replace(/\p{Cc}/gu, " ")
    .replace(/^[\p{Cf}\s]+|[\p{Cf}\s]+$/gu, "")
    .trim();
  if (!text) return { ok: true, command: { name: "help" } };
  const [word, rest] = firstWord(text);
  const name = word.toLowerCase();

  // `blockers resolve 3`, `blockers Sandbox keys missing`: one letter too many for `blocker`.
  if (name === "blockers" && rest.trim() && !isLookingOnly(rest.trim().split(/\s+/))) {
    const meant = `/intplan blocker ${truncateText(rest.trim(), 60)}`;
    return didYouMean(meant, "`blockers` only lists the open blockers; nothing was logged.", "blocker");
  }
  if (NO_ARGUMENTS.has(name as CommandName)) {
    if (rest.trim()) return fail(`\`${name}\` takes no arguments.`, name as CommandName);
    return { ok: true, command: { name } as Command };
  }
  switch (name) {
    case "interview":
      return { ok: true, command: { name: "interview", section: rest.trim() || null } };
    case "publish":
      return parsePublish(rest);
    case "export":
      return parseExport(rest);
    case "edit": {
      const typed = rest.trim();
      if (!typed) return fail(`Say what to edit: ${documentWords(["project"])}.`, "edit");
      if (typed.toLowerCase() === "project") return { ok: true, command: { name: "edit-project" } };
      const doc = /\s/.test(typed) ? undefined : documentKindOf(typed);
      if (!doc)
        return fail(
          `Cannot edit "${truncateText(typed, 40)}": say one of ${documentWords(["project"])}.`,
          "edit",
        );
      return { ok: true, command: { name: "edit", doc } };
    }
    case "freeze":
      return parseFreeze(rest);
    case "phase":
      return parsePhase(rest);
    case "blocker":
      return parseBlocker(rest);
    case "questionnaire": {
      const typed = rest.trim().toLowerCase();
      if (typed === "") return { ok: true, command: { name: "questionnaire", upgrade: false } };
      if (typed === "upgrade" || typed === "move")
        return { ok: true, command: { name: "questionnaire", upgrade: true } };
      return fail(
        `\`questionnaire\` takes nothing or \`upgrade\`, not "${truncateText(rest.trim(), 40)}".`,
        "questionnaire",
      );
    }
    case "ask":
      return parseAsk(rest);
    case "history": {
      const page = rest.trim() ? /^(\d{1,4})$/.exec(rest.trim())?.[1] : "1";
      if (!page || Number(page) < 1)
        return fail(`"${truncateText(rest.trim(), 40)}" is not a page number.`, "history");
      return { ok: true, command: { name: "history", page: Number(page) } };
    }
    default: {
      // `/intplan sow`: a document named on its own is most likely a publish (`plan` and `discovery` are
      // subcommands of their own, matched above).
      const named = documentKindOf(name);
      if (named) return didYouMean(`/intplan publish ${named}`, "Nothing was published.", "publish");
      const meant = closestSubcommand(name);
      return {
        ok: false,
        error: `Unknown subcommand "${truncateText(word, 40)}".${meant ? ` Did you mean \`/intplan ${meant}\`?` : ""}`,
        usage: null,
        unknown: word,
      };
    }
  }
}
