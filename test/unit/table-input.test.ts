import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { canvasContentErrors } from "../../emulator/slack-emulator-canvases.js";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { answerSchemaFor } from "../../src/domain/questionnaire/answers.js";
import type { ListQuestion, TableQuestion } from "../../src/domain/questionnaire/definition.js";
import { allQuestions, QUESTIONNAIRE_V2 } from "../../src/domain/questionnaire/definition.js";
import {
  formatTable,
  matchRating,
  parseList,
  parseTable,
  tableFormatHint,
} from "../../src/domain/questionnaire/line-formats.js";
import { isSlackUserId } from "../../src/slack/slack-user-id.js";

const table = (id: string): TableQuestion => {
  const found = allQuestions(QUESTIONNAIRE_V2).find((q) => q.id === id);
  if (found?.kind !== "table") throw new Error(`no table ${id}`);
  return found;
};
const list: Pick<ListQuestion, "maxItems"> = {};
const rowsOf = (text: string, id: string) => {
  const result = parseTable(text, table(id));
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.value;
};
const problemsOf = (text: string, id: string) => {
  const result = parseTable(text, table(id));
  return result.ok ? [] : result.problems;
};

describe("typing and pasting tables", () => {
  it("a row pasted from a spreadsheet is accepted", () => {
    expect(rowsOf("order.id\tInvoice.DocNumber\tprefix with SO-", "field_mappings")).toEqual([
      { source_field: "order.id", target_field: "Invoice.DocNumber", transformation: "prefix with SO-" },
    ]);
  });

  it("a spreadsheet's header row and blank trailing columns are skipped", () => {
    const pasted = "Source field\tTarget field\tTransformation\norder.id\tDocNumber\t\t\n";
    expect(rowsOf(pasted, "field_mappings")).toEqual([
      { source_field: "order.id", target_field: "DocNumber", transformation: "" },
    ]);
  });

  it("a bar inside a pasted cell is text, and a typed \\| is a bar in a cell", () => {
    expect(rowsOf("a\tb\tsplit on |", "field_mappings")[0]?.transformation).toBe("split on |");
    expect(rowsOf("a | b | split on \\| then trim", "field_mappings")[0]?.transformation).toBe(
      "split on | then trim",
    );
  });

  it("a bar in a cell is written back as \\| so the modal shows the same rows again", () => {
    const rows = [{ source_field: "a|b", target_field: "c", transformation: "x | y" }];
    const columns = table("field_mappings").columns;
    expect(formatTable(rows, columns)).toBe("a\\|b | c | x \\| y");
    expect(rowsOf(formatTable(rows, columns), "field_mappings")).toEqual(rows);
  });

  it("a mapping may be written source -> target, with an arrow too", () => {
    expect(rowsOf("order_id -> DocNumber | prefix with SO-\ntotal → TotalAmt", "field_mappings")).toEqual([
      { source_field: "order_id", target_field: "DocNumber", transformation: "prefix with SO-" },
      { source_field: "total", target_field: "TotalAmt", transformation: "" },
    ]);
  });

  it("an arrow means nothing in a table that is not a mapping", () => {
    expect(problemsOf("Sync fails -> retry | High", "risks")[0]).toMatch(/^Line 1: expected 3 to 5 columns/);
  });

  it("a risk can be logged before its mitigation is known", () => {
    expect(rowsOf("Tax totals differ | Medium | High", "risks")).toEqual([
      { risk: "Tax totals differ", likelihood: "Medium", impact: "High", mitigation: "", owner: "" },
    ]);
  });

  it("a wrapped line continues the last cell of the row above", () => {
    const typed = "order.notes | Memo | strip HTML and\n   cut to 4,000 characters\ntotal | TotalAmt";
    expect(rowsOf(typed, "field_mappings")).toEqual([
      {
        source_field: "order.notes",
        target_field: "Memo",
        transformation: "strip HTML and cut to 4,000 characters",
      },
      { source_field: "total", target_field: "TotalAmt", transformation: "" },
    ]);
  });

  it("a mapping has no row cap beyond what fits in the box", () => {
    const lines = Array.from({ length: 120 }, (_, i) => `f${i} | F${i}`).join("\n");
    expect(rowsOf(lines, "field_mappings")).toHaveLength(120);
    const schema = answerSchemaFor(table("field_mappings"), isSlackUserId);
    expect(schema.safeParse(lines).success).toBe(true);
    const tooLong = Array.from({ length: 300 }, (_, i) => `field${i} | Field${i}`).join("\n");
    expect(schema.safeParse(tooLong).success).toBe(false);
  });
});

describe("ratings people write their own way", () => {
  const LMH = ["Low", "Medium", "High"];
  const SEVERITY = ["Critical", "High", "Medium", "Low"];

  it.each([
    ["H", "High"],
    ["hi", "High"],
    ["Med", "Medium"],
    ["lo", "Low"],
    ["1", "Low"],
    ["2", "Low"],
    ["3", "Medium"],
    ["4", "High"],
    ["5", "High"],
    ["P1", "High"],
    ["Sev 3", "Medium"],
  ])("on Low/Medium/High, %s is %s", (typed, rating) => {
    expect(matchRating(typed, LMH)).toBe(rating);
  });

  it.each([
    ["P1", "Critical"],
    ["p2", "High"],
    ["Sev3", "Medium"],
    ["SEV-4", "Low"],
    ["P5", "Low"],
    ["1", "Critical"],
    ["4", "Low"],
    ["5", "Low"],
    ["crit", "Critical"],
    ["M", "Medium"],
  ])("on Critical/High/Medium/Low, %s is %s", (typed, rating) => {
    expect(matchRating(typed, SEVERITY)).toBe(rating);
  });

  it("a risk typed with P1 and H/M/L is saved on the risk table's scale", () => {
    expect(rowsOf("Vendor outage | M | P1 | Failover", "risks")[0]).toMatchObject({
      likelihood: "Medium",
      impact: "High",
    });
  });

  it("an unclear rating names the line and the forms it accepts", () => {
    const [problem] = problemsOf("ok | Low | High | x\nbad | often | High", "risks");
    expect(problem).toMatch(/^Line 2: likelihood must be Low, Medium or High \(or .*1–5.*\), not "often"\.$/);
    expect(matchRating("6", LMH)).toBeUndefined();
    expect(matchRating("P0", SEVERITY)).toBeUndefined();
  });

  it("the box's hint says the forms each rating column accepts", () => {
    const hint = tableFormatHint(table("risks").columns, table("risks"));
    expect(hint).toContain("Likelihood and Impact: Low, Medium or High (or H/M/L");
    expect(hint).toContain("tabs");
    expect(tableFormatHint(table("field_mappings").columns, table("field_mappings"))).toContain("->");
  });
});

describe("wrapped list items", () => {
  it("an indented line continues the item above instead of becoming an item", () => {
    const typed =
      "- Orders sync every 5 minutes\n  and on demand\n- Refunds sync nightly\n  - Partial refunds too";
    const result = parseList(typed, list);
    expect(result).toEqual({
      ok: true,
      value: ["Orders sync every 5 minutes and on demand", "Refunds sync nightly", "Partial refunds too"],
    });
  });
});

describe("a risk logged before its mitigation is known, in the documents", () => {
  const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
  const EXAMPLE = fileURLToPath(
    new URL("../../examples/shopify-quickbooks-accounting.json", import.meta.url),
  );
  const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => new Date("2025-10-01") });
  const example = parseAnswersFile(JSON.parse(readFileSync(EXAMPLE, "utf8")));
  const input = {
    ...example,
    answers: {
      ...example.answers,
      risks: [{ risk: "Tax totals differ", likelihood: "Medium", impact: "High", mitigation: "", owner: "" }],
    },
  };

  it("the plan and the discovery document say there is no mitigation yet and where to add it", () => {
    for (const doc of [renderer.renderPlan(input), renderer.renderDiscovery(input)]) {
      expect(doc).toMatch(/_TBD: no mitigation yet; add it with \/intplan interview \d+ \(Risks\)_/);
    }
  });
});

describe("a 200-row mapping in the documents", () => {
  const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
  const EXAMPLE = fileURLToPath(
    new URL("../../examples/shopify-quickbooks-accounting.json", import.meta.url),
  );
  const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => new Date("2025-10-01") });
  const example = parseAnswersFile(JSON.parse(readFileSync(EXAMPLE, "utf8")));
  const rows = Array.from({ length: 200 }, (_, i) => ({
    source_field: `order.attribute_${i}`,
    target_field: `Invoice.Field_${i}`,
    transformation: "",
  }));
  const input = { ...example, answers: { ...example.answers, field_mappings: rows } };

  it.each([
    ["the specifications' matrix", "specs"],
    ["the discovery document", "discovery"],
  ] as const)("%s shows every row, in tables a canvas accepts", (_name, kind) => {
    const markdown = renderer.render(kind, input);
    expect(markdown).toContain("order.attribute_0 ");
    expect(markdown).toContain("order.attribute_199 ");
    expect(markdown).not.toMatch(/more rows? in \/intplan interview/);
    expect(canvasContentErrors({ type: "markdown", markdown }, "document_content")).toEqual([]);
  });
});

describe("indented tables", () => {
  it("an indented row with cells of its own is a row, not a continuation", () => {
    expect(rowsOf("  a | A\n  b | B", "field_mappings")).toHaveLength(2);
    expect(problemsOf("a\tA\n\tB\tfrom nothing", "field_mappings")).toEqual([
      "Line 2: source field is empty.",
    ]);
  });
});
