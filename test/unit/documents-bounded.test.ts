import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  canvasContentErrors,
  MAX_CANVAS_TABLE_CELLS,
  tableCellCounts,
} from "../../emulator/slack-emulator-canvases.js";
import { loadDocumentInput } from "../../src/db/load-document-input.js";
import { DOCUMENT_MAX_BYTES, fitToBytes } from "../../src/documents/bounds.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { hasLoneSurrogate } from "../../src/domain/text.js";
import { saveMaximalAnswers, seedOpenBlockers, wide } from "../support/big-project.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

/**
 * A project far bigger than any team makes: 5,000 open blockers, 1,000 risks, and every other answer as
 * long as the interview accepts (or longer, as if stored by an older version), written in characters that
 * take three bytes each. Both documents must still be canvases Slack takes: under 1 MiB, tables of at
 * most 300 cells, and saying what they left out.
 */

const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => T0 });

const BLOCKERS = 5000;
const RISKS = 1000;

let project: ProjectDb;
let input: DocumentInput;
let plan: string;
let discovery: string;

beforeAll(() => {
  project = openProjectDb();
  const { db } = project;
  // Ten times the list items the interview takes, each as long as a line may be.
  saveMaximalAnswers(db, project.project.id, { listItems: 300, tableRows: 300, risks: RISKS }, T0);
  seedOpenBlockers(db, project.project.id, BLOCKERS, T0);
  input = loadDocumentInput(db, project.project, "plan");
  plan = renderer.renderPlan(input);
  discovery = renderer.renderDiscovery(loadDocumentInput(db, project.project, "discovery"));
});

afterAll(() => project.close());

describe("a project with 5,000 blockers, 1,000 risks and the longest answers", () => {
  it("was seeded as described", () => {
    expect(input.blockers).toHaveLength(BLOCKERS);
    expect(input.answers.risks).toHaveLength(RISKS);
  });

  it.each([
    ["plan", () => plan],
    ["discovery document", () => discovery],
  ])("the %s is a canvas Slack accepts: under 1 MiB, no table over 300 cells", (_name, doc) => {
    const markdown = doc();
    expect(Buffer.byteLength(markdown)).toBeLessThan(DOCUMENT_MAX_BYTES);
    const lines = markdown.split("\n");
    const cells = tableCellCounts(
      lines,
      lines.map((_, i) => i),
    );
    expect(cells.length).toBeGreaterThan(0);
    expect(Math.max(...cells)).toBeLessThanOrEqual(MAX_CANVAS_TABLE_CELLS);
    expect(canvasContentErrors({ type: "markdown", markdown }, "document_content")).toEqual([]);
    expect(hasLoneSurrogate(markdown)).toBe(false);
    assertCleanDocument(markdown);
  });

  it("the plan lists the 50 most recent open blockers, then how many more and where to see them", () => {
    const blockerLines = plan.split("\n").filter((line) => line.startsWith("- blocker "));
    expect(blockerLines).toHaveLength(50);
    expect(blockerLines[0]).toMatch(/^- blocker 4951 /);
    expect(blockerLines.at(-1)).toMatch(/^- blocker 5000 /);
    expect(plan).toContain("- …and 4,950 more: `/intplan blockers`");
  });

  it("the risk table shows the first rows and says how many more there are and where", () => {
    const section = plan.slice(
      plan.indexOf("## 5. RISK ASSESSMENT"),
      plan.indexOf("### Common Integration Risks"),
    );
    // The plan's own go-live rows come first; the cap counts the interview's risks.
    const rows = section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Go-live"));
    const shown = rows.length - 2; // the header and the "more" row
    expect(shown).toBeGreaterThan(0);
    expect(rows.at(-1)).toContain(`…and ${RISKS - shown} more rows in /intplan interview`);
    expect(discovery).toContain(`…and ${RISKS - shown} more rows in /intplan interview`);
  });

  it("long lists say how many items they left out", () => {
    expect(plan).toMatch(/- …and \d+ more items in \/intplan interview/);
    expect(discovery).toMatch(/- …and \d+ more items in \/intplan interview/);
  });

  it("an answer cut short says where the whole answer is", () => {
    expect(discovery).toContain("… (cut here: the whole answer is in /intplan interview)");
  });

  it("every section of both documents is still there", () => {
    expect(plan).toContain("## 11. REFERENCE DOCUMENTS");
    expect(plan).toContain("**Document Control**");
    expect(discovery).toContain("## Planning Details");
    expect(discovery).toContain("*Generated: ");
  });
});

describe("the last-resort guard", () => {
  const section = (n: number, body: string) => `## Section ${n}\n${body}\n`;

  it("leaves a document that fits as it is", () => {
    const markdown = section(1, "short");
    expect(fitToBytes(markdown, 1000)).toBe(markdown);
  });

  it("cuts a document over the limit before a section heading, with a note saying so", () => {
    const markdown = Array.from({ length: 50 }, (_, i) => section(i + 1, wide(100))).join("\n");
    const cut = fitToBytes(markdown, 5000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(5000);
    const kept = cut.slice(0, cut.indexOf("\n---\n"));
    expect(markdown.startsWith(kept)).toBe(true);
    expect(markdown.slice(kept.length)).toMatch(/^\n?## Section \d+\n/);
    expect(cut).toContain("_This document stops here: the rest would take it over Slack's 1 MiB limit");
  });

  it("never cuts at a heading inside a code block", () => {
    const code = `\`\`\`\n${Array.from({ length: 40 }, (_, i) => `## not a heading ${i}`).join("\n")}\n\`\`\``;
    const markdown = `${section(1, "intro")}${section(2, code)}${section(3, wide(2000))}`;
    const cut = fitToBytes(markdown, 700);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(700);
    expect(cut.startsWith(section(1, "intro"))).toBe(true);
    expect(cut).not.toContain("## not a heading");
  });

  it("cuts one enormous section at a line, never inside a character", () => {
    const markdown = section(1, Array.from({ length: 2000 }, () => "😀界 line").join("\n"));
    const cut = fitToBytes(markdown, 10_000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10_000);
    expect(cut).not.toContain("\uFFFD");
    expect(hasLoneSurrogate(cut)).toBe(false);
  });
});

describe("the emulator refuses what Slack refuses", () => {
  const table = (rows: number, columns: number) =>
    [
      `|${" h |".repeat(columns)}`,
      `|${"---|".repeat(columns)}`,
      ...Array.from({ length: rows - 1 }, () => `|${" c |".repeat(columns)}`),
    ].join("\n");

  it("a table of 300 cells is accepted; 301 is not", () => {
    expect(canvasContentErrors({ type: "markdown", markdown: table(60, 5) }, "c")).toEqual([]);
    expect(canvasContentErrors({ type: "markdown", markdown: `${table(60, 5)}\n| one more |` }, "c")).toEqual(
      ["c.markdown: a table has 301 cells (max 300)"],
    );
  });

  it("markdown over 1 MiB is refused", () => {
    expect(
      canvasContentErrors({ type: "markdown", markdown: "a".repeat(DOCUMENT_MAX_BYTES + 1) }, "c"),
    ).toEqual([`c.markdown: ${DOCUMENT_MAX_BYTES + 1} bytes (max ${DOCUMENT_MAX_BYTES})`]);
  });
});

describe("a project at the interview's own limits (30 items a list, 30 rows a table, every box full)", () => {
  let full: ProjectDb;
  let fullPlan: string;
  let fullDiscovery: string;
  beforeAll(() => {
    full = openProjectDb();
    // A table answer is at most 3,000 characters as typed: 30 rows of short cells.
    const size = { listItems: 30, tableRows: 30, risks: 30, cellLength: 18 };
    saveMaximalAnswers(full.db, full.project.id, size, T0);
    fullPlan = renderer.renderPlan(loadDocumentInput(full.db, full.project, "plan"));
    fullDiscovery = renderer.renderDiscovery(loadDocumentInput(full.db, full.project, "discovery"));
  });
  afterAll(() => full.close());

  it("both documents are canvases Slack accepts", () => {
    for (const markdown of [fullPlan, fullDiscovery]) {
      expect(Buffer.byteLength(markdown)).toBeLessThan(DOCUMENT_MAX_BYTES);
      expect(canvasContentErrors({ type: "markdown", markdown }, "document_content")).toEqual([]);
    }
  });

  it("the plan shows every list item and every risk, nothing left out", () => {
    expect(fullPlan).toContain("**Pain Point 30**: item 30 ");
    expect(fullPlan).not.toContain("more items in /intplan interview");
    expect(fullPlan).not.toContain("more rows in /intplan interview");
  });
});
