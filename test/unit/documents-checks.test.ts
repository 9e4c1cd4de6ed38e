import { describe, expect, it } from "vitest";
import { assertCleanDocument, findDocumentProblems } from "../../src/documents/document-checks.js";

describe("a finished document is clean", () => {
  it("accepts canvas markdown: h1–h3, lists, checklists, tables, links, mentions, escaped text", () => {
    const markdown = [
      "# Plan",
      "## Phase 1",
      "### 1.1 Tasks",
      "- [ ] open",
      "- [x] done",
      "| Risk | Owner |",
      "|------|-------|",
      "| Tax \\| VAT | ![](@U04LEAD0001) in ![](#C0CHANNEL1) |",
      "See [the runbook](https://example.com/runbook) and \\[TODO\\].",
      "**Error Rate**: <0.5%",
      "```json",
      '{ "items": [ { "sku": "[SKU]" } ] }',
      "#### not a heading inside code",
      "```",
    ].join("\n");
    expect(findDocumentProblems(markdown)).toEqual([]);
    expect(() => assertCleanDocument(markdown)).not.toThrow();
  });

  it.each([
    ["a seed placeholder", "**Client**: [CLIENT_NAME]", "placeholder: [CLIENT_NAME]"],
    ["a described placeholder", "[ONE_PARAGRAPH_SUMMARY - This should capture]", "placeholder"],
    ["a choice placeholder", "Webhook support: [YES/NO]", "placeholder: [YES/NO]"],
    [
      "the discovery seed's prose placeholder",
      "- [Specific, measurable benefit 1]",
      "placeholder: [Specific, measurable benefit 1]",
    ],
    ["Handlebars", "{{#if accounting}}", "Handlebars expression"],
    ["an HTML comment", "Client <!-- analysis.client_name -->", "HTML comment"],
    ["HTML", "<b>bold</b>", "HTML tag"],
    ["an h4", "#### 2.1 Infrastructure Setup", "heading deeper than h3"],
    ["an h6", "###### deep", "heading deeper than h3"],
    ["a broadcast", "ping <!channel>", "broadcast mention"],
    ["a plain broadcast", "hey @here", "broadcast mention"],
    ["a message mention, raw text in a canvas", "**Owner**: <@U04LEAD0001>", "message markup"],
    ["a message channel link", "in <#C0CHANNEL1>", "message markup"],
  ])("rejects %s", (_, line, problem) => {
    const problems = findDocumentProblems(`# Plan\n\n${line}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`line 3: ${problem}`);
    expect(() => assertCleanDocument(line)).toThrow(/not clean/);
  });
});
