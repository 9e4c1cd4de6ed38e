import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import { type DirectoryName, presentPeople } from "../../src/documents/people-presentation.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { DOCUMENT_KINDS } from "../../src/domain/document-kinds.js";

/**
 * Each example answer set rendered as every document of the suite, with a fixed clock, presented as the canvas shows it
 * (each person a user card the first time, their name after; the names below stand in for Slack's
 * users.info), compared with the stored golden Markdown. `UPDATE_GOLDEN=1 npx vitest run test/golden`
 * rewrites the golden files; review the diff.
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const GOLDEN_DIR = here("./__golden__");
const EXAMPLES_DIR = here("../../examples");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const renderer = createDocumentRenderer({
  templatesDir: here("../../templates"),
  now: () => new Date("2025-10-01T12:00:00.000Z"),
});

const NAMES: Record<string, string> = {
  U04LEAD0001: "Lena Ortiz",
  U04PMGR0001: "Marta Silva",
  U04DEV00001: "Dev Okafor",
  U04QA000001: "Quinn Adams",
  U04OPS00001: "Omar Haddad",
  U04PO000001: "Paula Reyes",
  U04UX000001: "Uma Chen",
  U05LEAD0002: "Leo Brandt",
  U05DEV00002: "Dana Kim",
  U05PO000002: "Pat Novak",
  U06LEAD0003: "Lucía Romero",
  U06PMGR0003: "Pierre Dubois",
  U06DEV00003: "Devi Rao",
};
const shownNames = {
  people: new Map<string, DirectoryName>(
    Object.entries(NAMES).map(([id, name]) => [id, { status: "named", name }]),
  ),
  channels: new Map<string, DirectoryName>(),
};
const asCanvas = (markdown: string) => presentPeople(markdown, "canvas", shownNames);

/** The two documents made from the seed templates, whose headings they keep (the companions have no seed). */
const SEEDS = {
  plan: "implementation-plan.seed.txt",
  discovery: "discovery-document.seed.txt",
} as const;

const examples = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".json"));
const cases = examples.flatMap((file) =>
  DOCUMENT_KINDS.map((doc) => ({
    name: `${file.replace(/\.json$/, "")}.${doc}`,
    doc,
    markdown: asCanvas(
      renderer.render(doc, parseAnswersFile(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8")))),
    ),
  })),
);
const seedCases = cases.flatMap((c) =>
  c.doc === "plan" || c.doc === "discovery" ? [{ ...c, doc: c.doc }] : [],
);

describe("golden documents", () => {
  it("there are three example answer sets", () => {
    expect(examples).toHaveLength(3);
  });

  it.each(cases)("$name matches its golden file", ({ name, markdown }) => {
    const path = join(GOLDEN_DIR, `${name}.md`);
    if (UPDATE) writeFileSync(path, markdown);
    expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(markdown).toBe(readFileSync(path, "utf8"));
  });

  it.each(cases)("$name is clean canvas markdown", ({ markdown }) => {
    assertCleanDocument(markdown);
  });
});

interface SeedHeading {
  level: number;
  text: string;
}

/** The seed's headings outside `{{#if}}` blocks (those appear only for their type: see the render tests). */
function seedHeadings(seed: string): SeedHeading[] {
  let depth = 0;
  return seed.split("\n").flatMap((line) => {
    if (line.startsWith("{{#if")) depth++;
    if (line.startsWith("{{/if")) depth--;
    const heading = /^(#{1,4}) (.+)$/.exec(line);
    if (!heading || depth > 0) return [];
    return [{ level: heading[1]?.length ?? 0, text: (heading[2] ?? "").replace(/<!--.*?-->/g, "").trim() }];
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `[PROJECT_NAME]` and the "X" of "(Week X+1)" stand for whatever the project fills in. */
function headingPattern({ level, text }: SeedHeading): RegExp {
  const body = text
    .split(/(\[[^\]]+\]|\bX(?:\+\d+)?\b)/)
    .map((part, i) => (i % 2 === 1 ? ".+" : escapeRegExp(part)))
    .join("");
  const asRendered = level <= 3 ? `${"#".repeat(level)} ${body}` : `(?:\\*\\*${body}\\*\\*|### ${body})`;
  return new RegExp(`^${asRendered}$`, "m");
}

describe("every heading of the seed templates is in the documents", () => {
  const byDoc = (doc: keyof typeof SEEDS) =>
    seedHeadings(readFileSync(here(`./seeds/${SEEDS[doc]}`), "utf8"));

  it("the seeds have the headings we expect to check", () => {
    expect(byDoc("plan").filter((h) => h.level === 2 || h.level === 3)).toHaveLength(39);
    expect(byDoc("discovery").filter((h) => h.level === 2 || h.level === 3)).toHaveLength(64);
  });

  it.each(seedCases)("$name has every seed heading, h4 adapted to a bold line", ({ doc, markdown }) => {
    const missing = byDoc(doc)
      .filter((h) => !headingPattern(h).test(markdown))
      .map((h) => `${"#".repeat(h.level)} ${h.text}`);
    expect(missing).toEqual([]);
  });

  it.each(seedCases)("$name keeps the seed's heading order", ({ doc, markdown }) => {
    const positions = byDoc(doc)
      .filter((h) => h.level <= 3)
      .map((h) => headingPattern(h).exec(markdown)?.index ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
