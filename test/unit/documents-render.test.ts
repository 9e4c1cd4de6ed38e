import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { afterAll, describe, expect, it } from "vitest";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import { escapeMarkdownText } from "../../src/documents/markdown-escape.js";
import { personToken, referencesIn } from "../../src/documents/person-tokens.js";
import { formatQuantity } from "../../src/documents/quantity.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { TEMPLATE_HELPERS } from "../../src/documents/template-helpers.js";
import { INTEGRATION_TYPES } from "../../src/domain/integration-type.js";
import type { Answers, AnswerValue } from "../../src/domain/questionnaire/answers.js";
import { allQuestions, QUESTIONNAIRE_V1, type Question } from "../../src/domain/questionnaire/definition.js";

const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));
const NOW = new Date("2025-10-01T12:00:00.000Z");
/** How the rendered document marks a person, before it is presented for its audience. */
const person = (id: string) => personToken(id) ?? "not a person id";

const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => NOW });
const renderBoth = (input: DocumentInput) => [renderer.renderPlan(input), renderer.renderDiscovery(input)];

const example = (file: string): DocumentInput =>
  parseAnswersFile(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8")));
const accounting = example("shopify-quickbooks-accounting.json");

const withAnswers = (input: DocumentInput, answers: Answers): DocumentInput => ({ ...input, answers });

describe("type-specific sections of the plan", () => {
  const FEATURE_BLOCKS = {
    accounting: "**2.4 Accounting-Specific Features**",
    marketing: "**2.4 Marketing-Specific Features**",
    fulfillment: "**2.4 Fulfillment-Specific Features**",
    inventory: "**2.4 Inventory-Specific Features**",
    pos: "**2.4 POS-Specific Features**",
  } as const;
  const COMMON_RISK = {
    accounting: "**Tax calculation discrepancies**",
    marketing: "**Privacy compliance violations**",
    fulfillment: "**Shipping carrier API downtime**",
    inventory: "**Overselling from stale stock levels**",
    pos: "**Lost offline transactions**",
    other: "**API rate limits during peak volume**",
  } as const;

  it.each(INTEGRATION_TYPES)(
    "a %s plan has its own feature block and common risks, and no other type's",
    (type) => {
      const plan = renderer.renderPlan({
        ...accounting,
        project: { ...accounting.project, integrationType: type },
      });
      for (const [blockType, heading] of Object.entries(FEATURE_BLOCKS)) {
        expect(plan.includes(heading), `${heading} in a ${type} plan`).toBe(blockType === type);
      }
      for (const [riskType, risk] of Object.entries(COMMON_RISK)) {
        expect(plan.includes(risk), `${risk} in a ${type} plan`).toBe(riskType === type);
      }
    },
  );

  it("a project without a type gets the detected one: WooCommerce → ShipStation is fulfillment", () => {
    const plan = renderer.renderPlan(example("woocommerce-shipstation-fulfillment.json"));
    expect(plan).toContain("**Integration Type**: Fulfillment");
    expect(plan).toContain(FEATURE_BLOCKS.fulfillment);
  });

  it.each([
    ["yes", true],
    ["no", false],
    ["unsure", false],
    [undefined, false],
  ])("data migration answered %j: migration requirements shown %j", (answer, shown) => {
    const { migration_needed: _, ...rest } = accounting.answers;
    const answers = answer === undefined ? rest : { ...rest, migration_needed: answer };
    const plan = renderer.renderPlan(withAnswers(accounting, answers));
    expect(plan.includes("### 4.4 Data Migration Requirements")).toBe(shown);
  });
});

describe("typed placeholders and N/A in the documents", () => {
  const input = withAnswers(accounting, {
    ...accounting.answers,
    system_a_rate_limit: "TBD",
    system_a_batch_operations: "N/A",
    system_b_quirks: ["n/a"],
  });
  const [plan = "", discovery = ""] = renderBoth(input);

  it("shows a typed TBD as not answered yet, with where to answer it", () => {
    expect(plan).toContain(
      "- Rate limit: _not answered yet: /intplan interview 4 (Shopify Plus rate limits)_",
    );
    expect(plan).toContain(
      "- What are Shopify Plus's API rate limits? — answer in /intplan interview 4 (Shopify Plus rate limits)",
    );
    expect(discovery).not.toContain("**Rate Limits**: TBD");
  });

  it("shows N/A as Not applicable", () => {
    expect(plan).toContain("- Batch operations: Not applicable");
    expect(discovery).toContain("- **Known Quirks**: Not applicable");
  });

  it("reads a sentence built around a number without the number when it is not answered", () => {
    const { target_sync_success_rate: _rate, ...rest } = accounting.answers;
    const [noTargets = ""] = renderBoth(
      withAnswers(accounting, { ...rest, stabilization_period_days: "TBD" }),
    );
    expect(noTargets).toMatch(/- \*\*Sync Success Rate\*\*: _not answered yet: \/intplan interview \d+ /);
    expect(noTargets).toMatch(
      /Stable operation for the agreed period \(_not answered yet: \/intplan interview \d+ /,
    );
  });
});

describe("a project straight after /intplan new, before any interview", () => {
  const fresh: DocumentInput = { ...accounting, answers: {} };
  const [plan = "", discovery = ""] = renderBoth(fresh);

  it("renders both documents cleanly, every unknown value saying where it is answered", () => {
    assertCleanDocument(plan);
    assertCleanDocument(discovery);
    expect(plan).toContain(
      "**Estimated Time Savings**: _TBD: needs the manual hours per week — answer in /intplan interview 1: Hours per week spent on it by hand_",
    );
    expect(plan).toContain(
      "**Expected ROI**: no ROI figure yet: needs the agency's price for the build, the development hours",
    );
    expect(plan).toContain("- _not answered yet: /intplan interview 1 (What are the problems?)_");
    expect(plan).toContain(
      "| **Backend Developer** | _not answered yet: /intplan interview 10 (Backend developer)_ |",
    );
    expect(discovery).toContain(
      "- **Rate Limits**: _not answered yet: /intplan interview 4 (Shopify Plus rate limits)_",
    );
  });

  /** Every marker: where to answer ("not answered yet: /intplan …") or why a value is missing ("TBD: …"). */
  const markers = (doc: string) =>
    [...doc.matchAll(/_(not answered yet[^_\n]*|TBD[^_\n]*)_/g)].map((m) => m[0]);

  it.each([
    ["plan", plan],
    ["discovery document", discovery],
  ])("the %s has no marker without a place to answer or a reason", (_name, doc) => {
    expect(markers(doc).length).toBeGreaterThan(20);
    for (const marker of markers(doc)) {
      // The example is on version 2: what only version 3 asks is written in the document (`/intplan edit`).
      expect(marker).toMatch(
        /^_(not answered yet: \/intplan (interview \d+ \(.+\)|edit project( or .+)?|edit (plan|discovery)|phase \d owner @person)|TBD: .+)_$/,
      );
      expect(marker).not.toContain("not captured in discovery");
    }
  });

  it.each([
    ["plan", plan],
    ["discovery document", discovery],
  ])("the %s has no sentence a marker breaks", (_name, doc) => {
    const marker = String.raw`_(?:not answered yet|TBD)[^_\n]*_`;
    // A unit or a word straight after the marker ("_…_ hours", "_…_ of stable operation").
    expect(doc).not.toMatch(new RegExp(`${marker} +[A-Za-z%]`));
    // A comparison or a word the value should have followed ("<_…_", "Target _…_", "for _…_").
    expect(doc).not.toMatch(new RegExp(`[<>]${marker}`));
    expect(doc).not.toMatch(new RegExp(`[A-Za-z] ${marker}`));
    expect(doc).not.toContain("Pain Point 1");
  });

  it("names /intplan edit project for a missing project basic", () => {
    const noTeam = { ...fresh, project: { ...fresh.project, leadEngineerId: null, volumeEstimate: null } };
    const basics = renderer.renderPlan(noTeam);
    expect(basics).toContain("**Lead Engineer**: _not answered yet: /intplan edit project_");
    expect(basics).toContain(
      "- **Data Volume**: _not answered yet: /intplan edit project or /intplan interview 9 (Expected data volume)_",
    );
  });

  it("lists every required question under Open Questions, as a question with where it is answered", () => {
    const required = allQuestions(QUESTIONNAIRE_V1).filter((q) => q.required);
    const openSection = plan.slice(plan.indexOf("### 9.1 Open Questions"), plan.indexOf("### 9.2"));
    const names = (text: string) =>
      text.replaceAll("{systemA}", "Shopify Plus").replaceAll("{systemB}", "QuickBooks Online");
    for (const q of required) {
      expect(openSection).toContain(
        `- ${escapeMarkdownText(names(q.ask ?? ""))} — answer in /intplan interview `,
      );
    }
    expect(openSection).toContain("- What is the MVP's goal? — answer in /intplan interview 10 (MVP goal)");
    expect(openSection).not.toContain("required, not answered in discovery");
  });

  it("still has a timeline and a confidence score, both cautious", () => {
    expect(plan).toMatch(/\*\*Confidence Score\*\*: \d%/);
    expect(plan).toContain("**Duration**: 2 weeks");
  });
});

describe("phases and blockers in the plan", () => {
  it("without tracking data every phase is not started and nothing blocks", () => {
    const plan = renderer.renderPlan(accounting);
    expect(plan.match(/\*\*Status\*\*: Not started/g)).toHaveLength(5);
    expect(plan).toContain("### 9.2 Current Blockers\nNo current blockers.");
  });

  it("shows each phase's status, owner and note, and the open blockers", () => {
    const plan = renderer.renderPlan({
      ...accounting,
      phases: [
        { number: 1, name: "Discovery & Design", status: "done", ownerId: "U04PMGR0001" },
        {
          number: 2,
          name: "Development",
          status: "blocked",
          ownerId: "U04DEV00001",
          note: "waiting on QBO sandbox",
        },
      ],
      blockers: [
        {
          id: 1,
          text: "QuickBooks sandbox access | not granted",
          ownerId: "U04PMGR0001",
          waitingOnClient: true,
          createdAt: new Date("2025-09-29T10:00:00Z"),
        },
      ],
      revision: 3,
    });
    expect(plan).toContain(`**Owner**: ${person("U04PMGR0001")}  \n**Status**: Done`);
    expect(plan).toContain(
      `**Owner**: ${person("U04DEV00001")}  \n**Status**: Blocked (waiting on QBO sandbox)`,
    );
    expect(plan).toContain(
      `- QuickBooks sandbox access \\| not granted (owner: ${person("U04PMGR0001")}, since 2025-09-29) _waiting on client_`,
    );
    expect(plan).toContain("Version: 3  \nLast Updated: 2025-10-01  \nNext Review: 2025-10-08");
  });
});

/** A distinct, single-line answer for every question, in the shape its kind stores. */
function answerEverything(text: (q: Question) => string): Answers {
  return Object.fromEntries(
    allQuestions(QUESTIONNAIRE_V1).map((q, i): [string, AnswerValue] => {
      switch (q.kind) {
        case "number":
          return [q.id, 1_000 + i];
        case "single_select":
          return [q.id, q.options.at(-1)?.value ?? ""];
        case "multi_select":
        case "checkboxes":
          return [q.id, q.options.map((o) => o.value)];
        case "list":
          return [q.id, [`${text(q)} one`, `${text(q)} two`]];
        case "table":
          return [q.id, [Object.fromEntries(q.columns.map((c) => [c.id, `${text(q)} ${c.id}`]))]];
        case "user":
          return [q.id, `U${String(i).padStart(8, "0")}`];
        case "date":
          return [q.id, `2026-01-${String((i % 28) + 1).padStart(2, "0")}`];
        default:
          return [q.id, text(q)];
      }
    }),
  );
}

/** What an answer must show as in a document. */
function shownAs(q: Question, value: AnswerValue): string[] {
  switch (q.kind) {
    case "number":
      return [formatQuantity(value as number)];
    case "single_select":
      return [q.options.find((o) => o.value === value)?.label ?? ""];
    case "multi_select":
    case "checkboxes":
      return q.options.map((o) => o.label);
    case "list":
      return (value as string[]).map(escapeMarkdownText);
    case "table":
      return (value as Record<string, string>[]).flatMap((row) => Object.values(row).map(escapeMarkdownText));
    case "user":
      return [person(value as string)];
    default:
      return [escapeMarkdownText(value as string)];
  }
}

describe("the Discovery Document holds every interview answer", () => {
  const answers = answerEverything((q) => `Answer to ${q.id}`);
  const discovery = renderer.renderDiscovery(withAnswers(accounting, answers));

  it.each(allQuestions(QUESTIONNAIRE_V1).map((q) => [q.id, q] as const))("%s", (_, question) => {
    for (const fragment of shownAs(question, answers[question.id] as AnswerValue)) {
      expect(discovery).toContain(fragment);
    }
  });

  it("and stays clean", () => {
    assertCleanDocument(discovery);
  });
});

describe("text people typed cannot break the documents", () => {
  const ATTACK =
    "# Hacked <!channel> @here [click](https://evil.example) | `code` *bold* _it_ ~~x~~ {{x}} <!-- c --> <b>x</b> <@U0BADBAD1>";
  const attack = (q: Question) => `${ATTACK} ${q.id}`;
  const benign = (q: Question) => `Plain answer ${q.id}`;
  const project = (name: string) => ({
    ...accounting.project,
    name,
    clientName: name,
    systemA: `${name} A`,
    systemB: `${name} B`,
    volumeEstimate: name,
    summary: name,
  });
  const attacked: DocumentInput = {
    ...accounting,
    project: project(ATTACK),
    answers: { ...answerEverything(attack), tech_lead: "<!channel>" },
    blockers: [{ id: 1, text: ATTACK, ownerId: "<!here>", waitingOnClient: false, createdAt: NOW }],
  };
  const plain: DocumentInput = {
    ...accounting,
    project: project("Plain"),
    answers: { ...answerEverything(benign), tech_lead: "not a user" },
    blockers: [{ id: 1, text: "Plain", ownerId: "not a user", waitingOnClient: false, createdAt: NOW }],
  };

  /** The shape of each line: heading level, list, checklist, table row and its cell count, code, text. */
  const shape = (markdown: string) => {
    let inCode = false;
    return markdown.split("\n").map((line) => {
      if (line.startsWith("```")) {
        inCode = !inCode;
        return "fence";
      }
      if (inCode) return "code";
      const heading = /^(#{1,6}) /.exec(line);
      if (heading) return `h${heading[1]?.length}`;
      if (/^\s*- \[[ x]\] /.test(line)) return "check";
      if (/^\s*[-*+] /.test(line)) return "bullet";
      if (/^\s*\d+[.)] /.test(line)) return "ordered";
      if (line.startsWith("|")) return `row of ${line.split(/(?<!\\)\|/).length - 2}`;
      if (line.startsWith(">")) return "quote";
      return line === "" ? "blank" : "text";
    });
  };

  /** Pasted data in code blocks shows verbatim, as code; everything else must be escaped. */
  const outsideCodeBlocks = (markdown: string) => markdown.replace(/^```[^\n]*\n[\s\S]*?\n```$/gm, "");

  const [attackedPlan = "", attackedDiscovery = ""] = renderBoth(attacked);
  const [plainPlan = "", plainDiscovery = ""] = renderBoth(plain);

  it("keeps every heading, list and table exactly as with plain answers", () => {
    expect(shape(attackedPlan)).toEqual(shape(plainPlan));
    expect(shape(attackedDiscovery)).toEqual(shape(plainDiscovery));
  });

  it.each([
    ["plan", attackedPlan],
    ["discovery document", attackedDiscovery],
  ])("the %s has no injected link, HTML, Handlebars or ping", (_, markdown) => {
    assertCleanDocument(markdown);
    const prose = outsideCodeBlocks(markdown);
    expect(prose).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
    expect(prose).not.toMatch(/(?<!\\)<b>/);
    expect(markdown).not.toContain("<@U0BADBAD1>");
    expect(markdown).not.toMatch(/<@U/);
    // Only the ids stored for people become people: typed text names nobody.
    expect(referencesIn(markdown).people).not.toContain("U0BADBAD1");
    for (const id of referencesIn(markdown).people) expect(id).toMatch(/^U\d{8}$|^U04\w+$/);
  });
});

describe("templates", () => {
  const helperNames = new Set(Object.keys(TEMPLATE_HELPERS));
  const templateFiles = [
    ...readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith(".md.hbs")),
    ...readdirSync(join(TEMPLATES_DIR, "partials")).map((f) => join("partials", f)),
  ];

  /** Every `{{...}}` that prints something, anywhere in a template's syntax tree. */
  function printedExpressions(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) for (const child of node) printedExpressions(child, found);
    else if (node && typeof node === "object") {
      const n = node as { type?: string; path?: { original?: string } };
      if (n.type === "MustacheStatement") found.push(n.path?.original ?? "?");
      for (const child of Object.values(node)) printedExpressions(child, found);
    }
    return found;
  }

  it.each(templateFiles)("%s prints every value through a helper that escapes it or marks it TBD", (file) => {
    const ast = Handlebars.parse(readFileSync(join(TEMPLATES_DIR, file), "utf8"));
    const unescaped = printedExpressions(ast).filter((name) => !helperNames.has(name));
    expect(unescaped).toEqual([]);
  });

  describe("compiled at start", () => {
    const brokenDir = mkdtempSync(join(tmpdir(), "intplan-templates-"));
    afterAll(() => rmSync(brokenDir, { recursive: true, force: true }));

    it("a broken template fails when the renderer is created, not when a document is rendered", () => {
      cpSync(TEMPLATES_DIR, brokenDir, { recursive: true });
      writeFileSync(join(brokenDir, "discovery-document.md.hbs"), "{{#if open}}never closed");
      expect(() => createDocumentRenderer({ templatesDir: brokenDir })).toThrow();
    });
  });
});
