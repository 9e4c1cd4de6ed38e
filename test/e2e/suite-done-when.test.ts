/**
 * Issue 14's "Done when", as a team lives it: the PM runs the whole interview in Slack modals with a real
 * client's answers, then exports the five companion documents and publishes the plan. Each export is a
 * Markdown file naming the client and both systems with nothing left of the template; the SOW's section 8
 * is its acceptance criteria; every field mapping typed in the interview is in the specifications' matrix;
 * the test cases are numbered TC-…; the plan's section 11 names the real documents.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import type { TableRow } from "../../src/domain/questionnaire/answers.js";
import { QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { answerSectionThroughSlack, sectionStateFromAnswers } from "../support/interview.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0SUITE";
const example = parseAnswersFile(
  JSON.parse(
    readFileSync(new URL("../../examples/shopify-quickbooks-accounting.json", import.meta.url), "utf8"),
  ),
);
/** The example's people are not in this workspace; the interview names the project's own. */
const answers = Object.fromEntries(
  Object.entries(example.answers).filter(
    ([, value]) => !(typeof value === "string" && /^U0\w+$/.test(value)),
  ),
);

const EXPORTS = [
  { doc: "sow", file: "INT-0001-statement-of-work.md", title: "STATEMENT OF WORK" },
  { doc: "specs", file: "INT-0001-technical-specifications.md", title: "TECHNICAL SPECIFICATIONS" },
  { doc: "tests", file: "INT-0001-test-cases.md", title: "TEST CASES" },
  { doc: "runbook", file: "INT-0001-deployment-runbook.md", title: "DEPLOYMENT RUNBOOK" },
  { doc: "playbook", file: "INT-0001-support-playbook.md", title: "SUPPORT PLAYBOOK" },
] as const;

describe("the document suite the plan refers to", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    // The whole interview, section by section, as the PM types it.
    for (const [index, section] of QUESTIONNAIRE_V3.sections.entries()) {
      const typed = sectionStateFromAnswers(section, answers);
      await answerSectionThroughSlack(t, {
        channelId: CHANNEL,
        userId: "U0PM",
        index,
        overrides: Object.fromEntries(Object.entries(typed).map(([id, block]) => [id, block[id] ?? {}])),
      });
    }
  }, 60_000);
  afterEach(async () => {
    await t.close();
  });

  const command = (text: string) => t.slack.command({ text, channelId: CHANNEL, userId: "U0PM" });
  const exported = async (doc: string, filename: string) => {
    await command(`export ${doc}`);
    await t.idle();
    const file = [...t.emulator.files.values()].find((f) => f.filename === filename && f.completed);
    expect(file, `${filename} was uploaded`).toBeDefined();
    return file?.content ?? "";
  };

  it("each of the five exports uploads its document, naming the client and both systems, with nothing of the template left", async () => {
    for (const { doc, file, title } of EXPORTS) {
      const markdown = await exported(doc, file);
      expect(markdown, doc).toContain(`# ${title}`);
      expect(markdown, doc).toContain("Acme Outdoor Co.");
      expect(markdown, doc).toContain("Shopify");
      expect(markdown, doc).toContain("QuickBooks Online");
      assertCleanDocument(markdown);
    }
  });

  it("the SOW's section 8 is its acceptance criteria, holding the MVP's success criteria", async () => {
    const sow = await exported("sow", "INT-0001-statement-of-work.md");
    expect(sow).toMatch(/^## 8\. Acceptance Criteria$/im);
    const section8 = sow.split(/^## 8\..*$/im)[1]?.split(/^## 9\./m)[0] ?? "";
    for (const criterion of example.answers.mvp_success_criteria as string[]) {
      expect(section8).toContain(criterion.slice(0, 30));
    }
  });

  it("every field mapping typed in the interview is in the Technical Specifications' matrix", async () => {
    const specs = await exported("specs", "INT-0001-technical-specifications.md");
    const mappings = example.answers.field_mappings as TableRow[];
    expect(mappings.length).toBeGreaterThan(2);
    // The matrix's rows as a reader sees them: Markdown's escapes (`\[`, `\|`) taken off.
    const matrixRows = specs
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .map((line) => line.replace(/\\(.)/g, "$1"));
    for (const row of mappings) {
      const found = matrixRows.some(
        (line) => line.includes(row.source_field ?? "") && line.includes(row.target_field ?? ""),
      );
      expect(found, `${row.source_field} → ${row.target_field}`).toBe(true);
    }
  });

  it("the test cases are numbered TC-001 onwards, without gaps", async () => {
    const tests = await exported("tests", "INT-0001-test-cases.md");
    const ids = [...tests.matchAll(/^### (TC-\d{3})\b/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids).toEqual(ids.map((_, i) => `TC-${String(i + 1).padStart(3, "0")}`));
  });

  it("the published plan's section 11 names the real documents: a canvas link once published, the command until then", async () => {
    await command("publish sow");
    await t.idle();
    await command("plan");
    await t.idle();
    const planCanvas = [...t.emulator.canvases.values()].find((c) =>
      c.markdown.includes("# IMPLEMENTATION PLAN"),
    );
    const plan = planCanvas?.markdown ?? "";
    const section11 = plan.split(/^## 11\..*$/m)[1] ?? "";
    expect(section11).toMatch(/\[Statement of Work\]\(https?:\/\/[^)]+\)/);
    expect(section11).toContain("Technical Specifications");
    expect(section11).toContain("/intplan publish specs");
    expect(plan).not.toMatch(/INT-0001-(sow|technical-specs|test-cases)\.md/);
  });
});
