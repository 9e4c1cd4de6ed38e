import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { buildDocx, type DocxMetadata } from "../../src/documents/docx.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { buildDocxIsolated, WORD_MAX_MARKDOWN_BYTES } from "../../src/word-writer.js";
import { assertWellFormedXml, documentParagraphs, openDocx, partText } from "../support/docx-file.js";

const META: DocxMetadata = {
  title: "INT-0007 Acme order sync: Implementation Plan",
  clientName: "Acme Outdoor Co.",
  details: ["Version 2 · Signed off by the client", "Frozen 2026-11-22"],
};

const open = async (markdown: string, meta = META) => openDocx(await buildDocx(markdown, meta));

describe("the Word file of a document", () => {
  it("is a package Word opens, titled, by intplan, naming the client on its first page", async () => {
    const parts = await open("# IMPLEMENTATION PLAN\n\nHello.\n");
    const core = partText(parts, "docProps/core.xml");
    expect(core).toContain("<dc:title>INT-0007 Acme order sync: Implementation Plan</dc:title>");
    expect(core).toContain("<dc:creator>intplan</dc:creator>");
    expect(core).toContain("Prepared for Acme Outdoor Co.");
    const [title, client, ...rest] = documentParagraphs(parts);
    expect(title).toBe(META.title);
    expect(client).toBe("Prepared for Acme Outdoor Co.");
    expect(rest).toContain("Version 2 · Signed off by the client");
    expect(rest).toContain("IMPLEMENTATION PLAN");
    expect(partText(parts, "word/footer1.xml")).toContain("Acme Outdoor Co.");
  });

  it("writes headings 1 to 4 as Word's heading styles", async () => {
    const xml = partText(
      await open("# One\n## Two\n### Three\n#### Four\n##### Five\n"),
      "word/document.xml",
    );
    for (const level of [1, 2, 3, 4]) expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    expect(xml).not.toContain("Heading5");
    expect(xml.match(/Heading4/g)).toHaveLength(2);
  });

  it("keeps bold, italic, code and links, and decodes Markdown escapes and entities", async () => {
    const parts = await open(
      "**Owner**: _Dana_ uses `sync.ts` and [the docs](https://example.com/a?b=1&c=2) \\*not bold\\* &amp; 1 \\< 2  \nnext line\n",
    );
    const xml = partText(parts, "word/document.xml");
    expect(xml).toMatch(/<w:b\/>[\s\S]*?Owner/);
    expect(xml).toMatch(/<w:i\/>[\s\S]*?Dana/);
    expect(xml).toMatch(/Consolas[\s\S]*?sync\.ts/);
    expect(xml).toContain("<w:hyperlink");
    expect(xml).toContain("<w:br/>");
    expect(partText(parts, "word/_rels/document.xml.rels")).toContain(
      'Target="https://example.com/a?b=1&amp;c=2" TargetMode="External"',
    );
    expect(documentParagraphs(parts)).toContain(
      "Owner: Dana uses sync.ts and the docs *not bold* & 1 < 2next line",
    );
  });

  it("does not make a link of what is not a web or mail address", async () => {
    const parts = await open("[click](javascript:alert(1)) and [mail](mailto:a@b.c)\n");
    const rels = partText(parts, "word/_rels/document.xml.rels");
    expect(rels).not.toContain("javascript");
    expect(rels).toContain("mailto:a@b.c");
    expect(documentParagraphs(parts)).toContain("click and mail");
  });

  it("writes bullet and numbered lists, nested, and task items as boxes", async () => {
    const parts = await open(
      "- one\n  - one.a\n    - one.a.i\n- two\n\n1. first\n2. second\n   1. inner\n\n3. again\n\n- [ ] open task\n- [x] done task\n",
    );
    const xml = partText(parts, "word/document.xml");
    const paragraphs = documentParagraphs(parts);
    expect(paragraphs).toEqual(
      expect.arrayContaining(["one", "one.a", "one.a.i", "first", "inner", "☐ open task", "☑ done task"]),
    );
    // Three bullet levels, numbered items on two levels, each numbered list numbered from its own start.
    expect(xml).toContain('<w:ilvl w:val="2"/>');
    expect(partText(parts, "word/numbering.xml")).toContain('w:val="lowerLetter"');
    const numIds = new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(numIds.size).toBeGreaterThanOrEqual(3);
    expect(xml).not.toMatch(/\[ \]|\[x\]/);
  });

  it("writes GFM tables with a repeated header row, and fills out short rows", async () => {
    const parts = await open("| Role | Person |\n|---|:---:|\n| **Lead** | Dana \\| Kim |\n| QA |\n");
    const xml = partText(parts, "word/document.xml");
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml.match(/<w:tr>/g)).toHaveLength(3);
    expect(xml.match(/<w:tc>/g)).toHaveLength(6);
    expect(xml).toContain('<w:jc w:val="center"/>');
    expect(documentParagraphs(parts)).toEqual(expect.arrayContaining(["Role", "Lead", "Dana | Kim"]));
  });

  it("writes code blocks in a monospace font, line by line, and quotes and rules", async () => {
    const parts = await open('```json\n{\n  "a": 1 < 2\n}\n```\n\n> quoted _text_\n\n---\n\nafter\n');
    const xml = partText(parts, "word/document.xml");
    expect(xml).toMatch(/Consolas[\s\S]*?\{/);
    expect(xml).toContain("&quot;a&quot;: 1 &lt; 2");
    // Code is literal, as CommonMark says: an entity in code is not decoded.
    const literal = partText(await open("`&amp;` and\n\n```\n&lt;tag&gt;\n```\n"), "word/document.xml");
    expect(literal).toContain("&amp;amp;");
    expect(literal).toContain("&amp;lt;tag&amp;gt;");
    expect(xml).toMatch(/<w:left w:val="single"/);
    expect(xml.match(/<w:bottom /g)?.length).toBeGreaterThanOrEqual(2);
    expect(documentParagraphs(parts)).toContain("quoted text");
  });

  it("drops characters XML cannot hold instead of writing a file Word refuses", async () => {
    const parts = await open("bell \u0007 and \uffff and lone \ud800 surrogate, comment <!-- hidden -->\n", {
      ...META,
      clientName: "Acme \u0001 & <Sons>",
    });
    const paragraphs = documentParagraphs(parts);
    expect(paragraphs).toContain("Prepared for Acme  & <Sons>");
    expect(paragraphs.join("\n")).not.toContain("hidden");
    assertWellFormedXml(partText(parts, "word/document.xml"));
  });

  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const renderer = createDocumentRenderer({
    templatesDir: here("../../templates"),
    now: () => new Date("2025-10-01T12:00:00.000Z"),
  });
  it.each([
    "shopify-quickbooks-accounting",
    "shopify-klaviyo-marketing",
    "woocommerce-shipstation-fulfillment",
  ])("writes the real plan and discovery document of %s", async (example) => {
    const input = parseAnswersFile(JSON.parse(readFileSync(here(`../../examples/${example}.json`), "utf8")));
    for (const markdown of [renderer.renderPlan(input), renderer.renderDiscovery(input)]) {
      const parts = await open(markdown, { ...META, clientName: input.project.clientName });
      const paragraphs = documentParagraphs(parts);
      expect(paragraphs[1]).toBe(`Prepared for ${input.project.clientName}`);
      const xml = partText(parts, "word/document.xml");
      expect(xml).toContain("<w:tbl>");
      expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
      // No Markdown syntax is left for the reader: no heading hashes, emphasis stars, table pipes or boxes.
      const text = paragraphs.join("\n");
      expect(text).not.toMatch(/^#{1,6} |\*\*|^\|.*\|$|\[ \]|\[x\]/m);
      expect(text).toContain("☐");
    }
  });
});

describe("the Word file written away from the app's thread", () => {
  it("comes back from the worker byte for byte a package Word opens", async () => {
    const file = await buildDocxIsolated("# IMPLEMENTATION PLAN\n\n- [x] Kick-off\n", META);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(documentParagraphs(openDocx(file.bytes))).toContain("IMPLEMENTATION PLAN");
  });

  it("is not written for a document over the limit, and says how long it is", async () => {
    const file = await buildDocxIsolated("x".repeat(WORD_MAX_MARKDOWN_BYTES + 1), META);
    expect(file).toEqual({ ok: false, reason: "too-long", detail: "257 KB" });
  });
});
