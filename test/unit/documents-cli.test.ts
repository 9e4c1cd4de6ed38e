import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.js";
import { openDatabase } from "../../src/db/client.js";
import { parseAnswersFile, toAnswersFile } from "../../src/documents/answers-file.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import { presentPeople } from "../../src/documents/people-presentation.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { COMPANION_KINDS, DOCUMENT_TITLES } from "../../src/domain/document-kinds.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { createProjectFromForm } from "../../src/services/project-setup.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/shopify-klaviyo-marketing.json", import.meta.url));

const USAGE =
  "Usage: npm run render -- --answers <file.json> --doc plan|discovery|sow|specs|tests|runbook|playbook";

describe("npm run render -- --answers <file> --doc <document>", () => {
  const dir = mkdtempSync(join(tmpdir(), "intplan-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the Implementation Plan of an exported answers file, without Slack", () => {
    const plan = runCli(["render", "--answers", EXAMPLE, "--doc", "plan"]);
    expect(plan).toMatch(
      /^# IMPLEMENTATION PLAN\n## Bloom lifecycle email - Shopify ↔ Klaviyo Integration\n/,
    );
    // Offline there is no channel to publish the companion documents in: none is generated yet.
    expect(plan).toContain("- Statement of Work (_not generated yet:_ `/intplan publish sow`)");
  });

  it("prints the Discovery Document", () => {
    const discovery = runCli(["render", "--answers", EXAMPLE, "--doc", "discovery"]);
    expect(discovery).toMatch(/^# Bloom lifecycle email Integration - Deep Discovery Document\n/);
  });

  it.each(COMPANION_KINDS)("prints the %s document as the app renders it, read as a file", (kind) => {
    const printed = runCli(["render", "--answers", EXAMPLE, "--doc", kind]);
    const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR });
    const expected = presentPeople(
      renderer.render(kind, parseAnswersFile(JSON.parse(readFileSync(EXAMPLE, "utf8")))),
      "file",
      {
        people: new Map(),
        channels: new Map(),
      },
    );
    // The same document but for the day it is rendered on.
    const undated = (md: string) => md.replace(/\d{4}-\d{2}-\d{2}/g, "DATE");
    expect(undated(printed)).toBe(undated(expected));
    expect(printed.split("\n")[0]?.toLowerCase()).toContain(DOCUMENT_TITLES[kind].toLowerCase());
    expect(printed).toContain("Bloom & Co");
    expect(printed).toContain("Shopify");
    expect(printed).toContain("Klaviyo");
    assertCleanDocument(printed);
  });

  it("says which documents there are when --doc names none of them", () => {
    expect(() => runCli(["render", "--answers", EXAMPLE, "--doc", "statement"])).toThrow(
      `There is no document "statement": --doc is one of plan, discovery, sow, specs, tests, runbook, playbook.\n${USAGE}`,
    );
  });

  it.each([
    [["render", "--answers", EXAMPLE]],
    [["render", "--doc", "plan"]],
    [["publish", "--answers", EXAMPLE, "--doc", "plan"]],
  ])("explains its usage when called as %j", (argv) => {
    expect(() => runCli(argv)).toThrow(USAGE);
  });

  it("says what is wrong with a file that is not an answers export", () => {
    const path = join(dir, "broken.json");
    writeFileSync(
      path,
      JSON.stringify({ format: "intplan-answers", version: 1, project: { code: "" }, answers: {} }),
    );
    expect(() => runCli(["render", "--answers", path, "--doc", "plan"])).toThrow(/project\.code/);
  });
});

describe("the answers file", () => {
  it("round-trips: what /intplan export answers writes, render reads back unchanged", () => {
    const input = parseAnswersFile(JSON.parse(readFileSync(EXAMPLE, "utf8")));
    const file = toAnswersFile(input.project, input.answers, new Date("2025-10-02T16:10:00.000Z"));
    expect(parseAnswersFile(JSON.parse(JSON.stringify(file)))).toEqual(input);
  });
});

describe("offline as online: an answers file whose project has no integration type", () => {
  const dir = mkdtempSync(join(tmpdir(), "intplan-cli-type-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const basics = {
    name: "Stock sync",
    clientName: "Acme Outdoor Co.",
    systemA: "NetSuite",
    systemB: "Shopify",
    summary: "Keep Shopify's stock levels in line with NetSuite",
  };
  const answersFile = (project: Record<string, unknown>, answers: Record<string, unknown> = {}) => {
    const path = join(dir, `${Object.keys(answers).length}-${String(project.integrationType)}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        format: "intplan-answers",
        version: 1,
        project: {
          code: "INT-0042",
          leadEngineerId: null,
          projectManagerId: null,
          targetGoLive: null,
          volumeEstimate: null,
          status: "planning",
          createdAt: "2026-11-22T10:00:00.000Z",
          questionnaireVersion: 1,
          ...basics,
          ...project,
        },
        answers,
      }),
    );
    return path;
  };
  const typeLine = (plan: string) => plan.split("\n").find((l) => l.startsWith("**Integration Type**"));

  it("is classified as /intplan new classifies the same basics", () => {
    const database = openDatabase(join(dir, "intplan.sqlite"));
    try {
      const created = createProjectFromForm(
        { db: database.db, clock: () => new Date("2026-11-22T10:00:00Z") },
        {
          teamId: "T0TEAM",
          channelId: "C0PROJECT",
          form: { ...basics, integrationType: "auto" },
          actorId: "U0PM",
          isPersonId: () => true,
        },
      );
      expect(created.kind === "created" && created.project.integrationTypes).toEqual(["inventory"]);
    } finally {
      database.close();
    }
    const plan = runCli(["render", "--answers", answersFile({ integrationType: null }), "--doc", "plan"]);
    expect(typeLine(plan)).toBe(
      "**Integration Type**: Inventory _(auto-detected; Inventory: the summary mentions stock levels ('Keep Shopify's stock levels in line with NetSuite'))_  ",
    );
    expect(plan).toContain("**2.4 Inventory-Specific Features**");
    expect(plan).toContain(
      "- [ ] Low stock alert system _suggested for Inventory: confirm or mark not in scope_",
    );
  });

  it("follows the interview's answers, as an auto-detected project's documents do", () => {
    const path = answersFile(
      { integrationType: null },
      {
        workflows: ["Sync stock levels from NetSuite to Shopify", "Post Shopify orders to NetSuite"],
      },
    );
    const plan = runCli(["render", "--answers", path, "--doc", "plan"]);
    expect(typeLine(plan)).toContain("**Integration Type**: Inventory and Accounting _(auto-detected; ");
    expect(plan).toContain("**2.4.1 Inventory-Specific Features**");
    expect(plan).toContain("**2.4.2 Accounting-Specific Features**");
    // Each type brings its common risks.
    expect(plan).toContain("**Overselling from stale stock levels**");
    expect(plan).toContain("**Tax calculation discrepancies**");
  });

  it("takes the several types a file names, as chosen", () => {
    const path = answersFile({ integrationType: "fulfillment", integrationTypes: ["fulfillment", "pos"] });
    const plan = runCli(["render", "--answers", path, "--doc", "plan"]);
    expect(typeLine(plan)).toBe(
      "**Integration Type**: Fulfillment and Point of sale _(chosen by the project team)_  ",
    );
    expect(plan).toContain("**2.4.2 POS-Specific Features**");
  });
});
