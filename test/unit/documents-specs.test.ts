import { describe, expect, it } from "vitest";
import { moreLine } from "../../src/documents/bounds.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { SPECS_MAPPING_SECTION, specsWorkflowSection } from "../../src/documents/specs-context.js";
import type { TableRow } from "../../src/domain/questionnaire/answers.js";
import { accounting, fulfillment, renderer, withAnswers } from "../support/example-documents.js";

const specsOf = (input: DocumentInput) => renderer.render("specs", input);
const planOf = (input: DocumentInput) => renderer.render("plan", input);

/** The `## N. Title` headings, in order. */
const sections = (markdown: string) => [...markdown.matchAll(/^## (\d+)\. (.+)$/gm)].map((m) => m[1]);
/** The matrix rows: lines of the section 4 table after its header. */
function matrixRows(markdown: string): string[] {
  const section = markdown.split("## 4. Entity and Field-Mapping Matrix")[1]?.split("\n## ")[0] ?? "";
  return section.split("\n").filter((line) => /^\| \d+ \|/.test(line));
}
/** Each workflow's `### 5.N name` heading in the specs, as [number, name]. */
const workflowHeadings = (specs: string) =>
  [...specs.matchAll(/^### (5\.\d+) (.+)$/gm)].map((m) => [m[1], m[2]] as const);
/** The plan's 2.3 task lines, as [name, cited section]. */
const citedWorkflows = (plan: string) =>
  [...plan.matchAll(/^- \[ \] (.+) \(see Technical Specifications, section (5\.\d+)\)$/gm)].map(
    (m) => [m[1], m[2]] as const,
  );

describe("the Technical Specifications of a fully interviewed project", () => {
  const specs = specsOf(accounting);

  it("names the client and both systems, and is clean canvas Markdown", () => {
    expect(specs).toContain("**Client**: Acme Outdoor Co.");
    expect(specs).toContain("### 2.1 Shopify Plus (source system)");
    expect(specs).toContain("### 2.2 QuickBooks Online (target system)");
    assertCleanDocument(specs);
  });

  it("has the ten numbered sections in order, then Document Control", () => {
    expect(sections(specs)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(specs.indexOf("**Document Control**")).toBeGreaterThan(specs.indexOf("## 10."));
  });

  it("puts every typed field mapping in the matrix, running from source to target", () => {
    const mappings = accounting.answers.field_mappings as TableRow[];
    const rows = matrixRows(specs);
    expect(rows).toHaveLength(mappings.length);
    expect(rows[0]).toBe(
      "| 1 | order.name | SalesReceipt.DocNumber | strip the # | Shopify Plus → QuickBooks Online | not stated | not stated |",
    );
    // No transformation typed: "none", not an empty cell.
    expect(rows[2]).toContain("| total_tax | TxnTaxDetail.TotalTax | none |");
  });

  it("quotes the validation rule and default value that name a field, and says 'not stated' otherwise", () => {
    const sku = matrixRows(specs).find((r) => r.includes("line_items\\[\\].sku"));
    expect(sku).toContain("| Every line item has a SKU that exists as a QuickBooks item |");
    expect(sku).toContain("| Missing SKU → item 'Unmapped product' and flag for review |");
    expect(matrixRows(specs)[3]).toMatch(/\| not stated \| not stated \|$/);
  });

  it("shows the source payload as code and the target model", () => {
    expect(specs).toContain('```json\n{\n  "id": 5512345678,');
    expect(specs).toContain("One SalesReceipt per paid order");
  });

  it("gives each workflow a numbered section; the first follows the interview's journey", () => {
    expect(workflowHeadings(specs)).toEqual([
      ["5.1", "Paid order → sales receipt"],
      ["5.2", "Refund → refund receipt"],
      ["5.3", "Shopify Payments payout → bank deposit with fees"],
    ]);
    const first = specs.split("### 5.1")[1]?.split("### 5.2")[0] ?? "";
    expect(first).toContain("- **Trigger**: A customer pays for an order in the Shopify store");
    expect(first).toContain("  1. Shopify sends an orders/paid webhook");
    expect(first).toContain("  - Rate limited: We back off on HTTP 429");
    // Nobody described the refund workflow's trigger: the document says so and where to write it.
    const second = specs.split("### 5.2")[1]?.split("### 5.3")[0] ?? "";
    expect(second).toContain("- **Trigger and steps**: _not answered yet: /intplan edit specs;");
  });

  it("is cited by the plan: the data-mapping task names section 4, each workflow task its own section", () => {
    const plan = planOf(accounting);
    expect(plan).toContain(
      `Complete field-level data mapping (see Technical Specifications, section ${SPECS_MAPPING_SECTION})`,
    );
    expect(citedWorkflows(plan)).toEqual(workflowHeadings(specs).map(([n, name]) => [name, n]));
    expect(specs).toContain(`## ${SPECS_MAPPING_SECTION}. Entity and Field-Mapping Matrix`);
    expect(specsWorkflowSection(0)).toBe("5.1");
  });

  it("covers error handling, migration, security, monitoring and the raised technical question", () => {
    expect(specs).toContain("- **Retry logic**: Exponential backoff from 30 seconds, 6 tries");
    expect(specs).toContain("- **Scope**: All paid orders since 1 July 2025");
    expect(specs).toContain("**Secret management**: AWS Secrets Manager");
    expect(specs).toContain("- [x] Encryption at rest");
    expect(specs).toContain("| Sync failures | 5 in 10 minutes | High | 1 hour |");
    expect(specs).toContain("- Do we post gift card sales as liabilities or as revenue?");
    expect(specs).toContain("- **Known peaks**: Black Friday to Cyber Monday");
  });
});

describe("field mappings as people type them", () => {
  const mapping = (source_field: string, target_field: string, transformation: string) => ({
    source_field,
    target_field,
    transformation,
  });

  it("escapes a pipe and Markdown in a mapping so the table keeps its columns", () => {
    const specs = specsOf(
      withAnswers(accounting, {
        ...accounting.answers,
        field_mappings: [mapping("note_attributes[gift|wrap]", "**Memo**", "join with | and `trim`")],
      }),
    );
    const [row] = matrixRows(specs);
    expect(row).toBe(
      "| 1 | note_attributes\\[gift\\|wrap\\] | \\*\\*Memo\\*\\* | join with \\| and \\`trim\\` | Shopify Plus → QuickBooks Online | not stated | not stated |",
    );
    assertCleanDocument(specs);
  });

  it("keeps every row the interview accepts (30), and a two-way mapping says so", () => {
    const many = Array.from({ length: 29 }, (_, i) => mapping(`field_${i}`, `Target${i}`, ""));
    many.push(mapping("customer.email", "Customer.PrimaryEmailAddr", "two-way sync, newest wins"));
    const specs = specsOf(withAnswers(accounting, { ...accounting.answers, field_mappings: many }));
    expect(matrixRows(specs)).toHaveLength(30);
    expect(matrixRows(specs)[29]).toContain("| Shopify Plus ↔ QuickBooks Online |");
  });

  it("turns a mapping round only when its transformation says so outright (an arrow), never on ordinary words", () => {
    const specs = specsOf(
      withAnswers(accounting, {
        ...accounting.answers,
        field_mappings: [
          mapping("refund.amount", "RefundReceipt.TotalAmt", "reverse the sign on refunds"),
          mapping("order.note", "SalesReceipt.PrivateNote", "copied from the target's default if empty"),
          mapping("order.tags", "Customer.Notes", "← written back from QuickBooks"),
        ],
      }),
    );
    const [refund, note, tags] = matrixRows(specs);
    expect(refund).toContain("| Shopify Plus → QuickBooks Online |");
    expect(note).toContain("| Shopify Plus → QuickBooks Online |");
    expect(tags).toContain("| QuickBooks Online → Shopify Plus |");
  });

  it("a matrix and workflows cut to fit a canvas end with what was left out, neither numbered nor cited", () => {
    // What boundAnswers hands the template when a document must shrink: the first rows, then a "more" line.
    const cut = {
      ...accounting.answers,
      field_mappings: [mapping("order.name", "DocNumber", ""), mapping(moreLine(3, "rows"), "…", "…")],
      workflows: ["Paid order → sales receipt", moreLine(2, "items")],
    };
    const specs = specsOf(withAnswers(accounting, cut));
    expect(matrixRows(specs)).toHaveLength(1);
    expect(specs).toContain("| | …and 3 more rows in /intplan interview | | | | | |");
    expect(workflowHeadings(specs)).toEqual([["5.1", "Paid order → sales receipt"]]);
    expect(specs).toContain("\n…and 2 more items in /intplan interview\n");
    const plan = planOf(withAnswers(accounting, cut));
    expect(citedWorkflows(plan)).toEqual([["Paid order → sales receipt", "5.1"]]);
    expect(plan).toContain("\n- …and 2 more items in /intplan interview\n");
    assertCleanDocument(specs);
  });
});

describe("the Technical Specifications of a fulfillment project", () => {
  const specs = specsOf(fulfillment);

  it("says where each unknown is answered instead of guessing", () => {
    expect(specs).toContain("| | _not answered yet: /intplan interview 6 (Field mappings)_ | | | | | |");
    expect(specs).toContain("**Cloud provider**: AWS (us-west-2)");
    expect(specs).toContain("- **Retry logic**: _not answered yet: /intplan interview 7 (Retry logic)_");
    expect(specs).toContain('Does ShipStation send webhooks? — answered "not known yet"');
    assertCleanDocument(specs);
  });

  it("says plainly when no migration is needed", () => {
    expect(specs).toContain('No migration: historical data does not need migrating (answered "No").');
    expect(specs).not.toContain("- **Scope**:");
  });

  it("numbers its workflows as the plan cites them", () => {
    expect(citedWorkflows(planOf(fulfillment))).toEqual(
      workflowHeadings(specs).map(([n, name]) => [name, n]),
    );
    expect(workflowHeadings(specs).map(([n]) => n)).toEqual(["5.1", "5.2"]);
  });
});

describe("older and empty projects", () => {
  it("a project on questionnaire version 1 gets the same specification from the same answers", () => {
    const v1 = { ...accounting, project: { ...accounting.project, questionnaireVersion: 1 } };
    const specs = specsOf(v1);
    expect(matrixRows(specs)).toHaveLength((accounting.answers.field_mappings as TableRow[]).length);
    expect(sections(specs)).toHaveLength(10);
    expect(specs).toBe(specsOf(accounting));
    assertCleanDocument(specs);
  });

  it("an empty project still has every section, each unknown saying where it is answered", () => {
    const empty = withAnswers(accounting, {});
    const specs = specsOf(empty);
    expect(sections(specs)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(specs).toContain("**Client**: Acme Outdoor Co.");
    expect(specs).toContain("_not answered yet: /intplan interview 3 (Workflows to build)_");
    expect(specs).toContain("**Migration needed**: _not answered yet:");
    expect(workflowHeadings(specs)).toEqual([]);
    expect(specs).not.toMatch(/_not answered yet_(?!:)/);
    assertCleanDocument(specs);
    expect(citedWorkflows(planOf(empty))).toEqual([]);
  });
});
