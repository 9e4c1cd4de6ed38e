import { describe, expect, it } from "vitest";
import {
  escapeMarkdownBlock,
  escapeMarkdownText,
  markdownCodeBlock,
} from "../../src/documents/markdown-escape.js";

const WJ = "\u2060";

describe("escaping what people typed", () => {
  it("leaves ordinary text alone", () => {
    for (const text of [
      "Orders are keyed in by hand",
      "Bloom & Co",
      "snake_case field line_items",
      "99.5% of orders",
      "-5% returns",
      "2 requests/second, bucket of 40",
      "Shopify → QuickBooks (Plus)",
      "https://app.datadoghq.com/dashboard/acme",
      "#acme-alerts",
    ]) {
      expect(escapeMarkdownText(text)).toBe(text);
    }
  });

  it.each([
    ["a heading", "# Hacked", "\\# Hacked"],
    ["a deep heading", "#### Hacked", "\\#### Hacked"],
    ["a quote", "> quoted", "\\> quoted"],
    ["a bullet", "- item", "\\- item"],
    ["a plus bullet", "+ item", "\\+ item"],
    ["a numbered item", "1. item", "1\\. item"],
    ["a numbered item with a parenthesis", "2) item", "2\\) item"],
    ["a rule", "---", "\\---"],
    ["a setext underline", "===", "\\==="],
    ["bold", "**loud**", "\\*\\*loud\\*\\*"],
    ["italics with underscores", "_quiet_", "\\_quiet\\_"],
    ["strikethrough", "~~gone~~", "\\~\\~gone\\~\\~"],
    ["inline code", "`rm -rf`", "\\`rm -rf\\`"],
    ["a link", "[click](https://evil.example)", "\\[click\\](https://evil.example)"],
    ["an image", "![x](https://evil.example/x.png)", "!\\[x\\](https://evil.example/x.png)"],
    ["a table cell break", "a | b", "a \\| b"],
    ["an HTML tag", "<script>alert(1)</script>", "\\<script>alert(1)\\</script>"],
    ["an entity", "&lt;b&gt;", "\\&lt;b\\&gt;"],
    ["Handlebars", "{{project.name}}", "\\{\\{project.name\\}\\}"],
    ["a backslash", "C:\\temp", "C:\\\\temp"],
  ])("%s cannot be injected", (_, typed, expected) => {
    expect(escapeMarkdownText(typed)).toBe(expected);
  });

  it.each([
    ["<!channel>", `\\<${WJ}!channel>`],
    ["<!here|here>", `\\<${WJ}!here\\|here>`],
    ["<@U012ABCDEF>", `\\<${WJ}@U012ABCDEF>`],
    ["<#C012ABCDEF>", `\\<${WJ}#C012ABCDEF>`],
    ["hey @channel", `hey @${WJ}channel`],
    ["@here now", `@${WJ}here now`],
    ["@Everyone", `@${WJ}Everyone`],
    ["<https://evil.example|Invoice>", "\\<https://evil.example\\|Invoice>"],
  ])("%s cannot ping anyone or hide a link", (typed, expected) => {
    expect(escapeMarkdownText(typed)).toBe(expected);
  });

  it("keeps a value on its own line: line breaks become spaces", () => {
    expect(escapeMarkdownText("first line\n# second\r\n| third")).toBe("first line # second \\| third");
  });

  it("drops control characters and bidi overrides", () => {
    expect(escapeMarkdownText("in\u0000voice\u202Egnp.exe")).toBe("invoicegnp.exe");
  });
});

describe("escaping paragraphs people typed", () => {
  it("keeps paragraphs and line breaks, escaping each line's start", () => {
    expect(escapeMarkdownBlock("Orders are keyed by hand.\n# not a heading\n\n\n- not a list")).toBe(
      "Orders are keyed by hand.  \n\\# not a heading\n\n\\- not a list",
    );
  });

  it("removes indentation, so nothing becomes a code block", () => {
    expect(escapeMarkdownBlock("    indented code?")).toBe("indented code?");
  });
});

describe("pasted data in a code block", () => {
  it("shows the text verbatim inside a fence", () => {
    expect(markdownCodeBlock('{ "total": "1.00" }', "json")).toBe('```json\n{ "total": "1.00" }\n```');
  });

  it("uses a longer fence than any backticks inside, so the text cannot close it", () => {
    expect(markdownCodeBlock("```\n# escaped?\n```", "")).toBe("````\n```\n# escaped?\n```\n````");
  });

  it("still cannot ping", () => {
    expect(markdownCodeBlock("<!channel> @here")).toBe(`\`\`\`\n<${WJ}!channel> @${WJ}here\n\`\`\``);
  });
});
