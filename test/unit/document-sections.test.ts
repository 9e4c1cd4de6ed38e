/**
 * A document's sections and a PM's wording in place of the generated text (src/documents/sections.ts): what a
 * section is (a `##` holds its `###` subsections, each also a section), what its text is (no opening or
 * closing blank lines), headings in code fences, duplicate headings (the first one counts), outermost edits
 * first, and orphaned edits.
 */
import { describe, expect, it } from "vitest";
import {
  applySectionEdits,
  normaliseSectionText,
  sectionTextProblem,
  splitSections,
} from "../../src/documents/sections.js";

const DOC = [
  "# IMPLEMENTATION PLAN",
  "## Acme - Shopify ↔ QuickBooks",
  "",
  "**Client**: Acme",
  "",
  "---",
  "",
  "## 1. CONTEXT",
  "",
  "### 1.1 Problem",
  "Orders are keyed in twice.",
  "",
  "### 1.2 Impact",
  "Faster books.",
  "",
  "#### A detail",
  "Still 1.2's text.",
  "",
  "---",
  "",
  "## 3. Timeline",
  "",
  "Eleven weeks.",
  "",
  "```text",
  "## not a heading",
  "### nor this",
  "```",
  "",
  "Then support.",
  "",
  "## 4. END",
  "Last words.",
].join("\n");

describe("splitting a document into sections", () => {
  const sections = splitSections(DOC);
  const byHeading = (heading: string) => sections.find((s) => s.heading === heading);

  it("lists the ## and ### headings in order, not the # title, #### headings or lines in code fences", () => {
    expect(sections.map((s) => s.heading)).toEqual([
      "## Acme - Shopify ↔ QuickBooks",
      "## 1. CONTEXT",
      "### 1.1 Problem",
      "### 1.2 Impact",
      "## 3. Timeline",
      "## 4. END",
    ]);
  });

  it("a ### section runs to the next heading of level 3 or higher, blank lines and a closing rule left out", () => {
    expect(byHeading("### 1.1 Problem")?.text).toBe("Orders are keyed in twice.");
    expect(byHeading("### 1.2 Impact")?.text).toBe("Faster books.\n\n#### A detail\nStill 1.2's text.");
  });

  it("a ## section holds its ### subsections, and knows them", () => {
    const context = byHeading("## 1. CONTEXT");
    expect(context?.text).toBe(
      "### 1.1 Problem\nOrders are keyed in twice.\n\n### 1.2 Impact\nFaster books.\n\n#### A detail\nStill 1.2's text.",
    );
    expect(context?.subsections).toEqual(["### 1.1 Problem", "### 1.2 Impact"]);
    expect(byHeading("### 1.2 Impact")).toMatchObject({
      level: 3,
      parent: "## 1. CONTEXT",
      title: "1.2 Impact",
    });
  });

  it("a code fence's # lines are the section's text", () => {
    expect(byHeading("## 3. Timeline")?.text).toBe(
      "Eleven weeks.\n\n```text\n## not a heading\n### nor this\n```\n\nThen support.",
    );
  });

  it("the last section runs to the end", () => {
    expect(byHeading("## 4. END")?.text).toBe("Last words.");
  });

  it("a # heading ends a ## section, and a ### after it belongs to none", () => {
    const doc = "## A\none\n# B\n### C\nthree";
    expect(splitSections(doc).map((s) => [s.heading, s.text, s.parent])).toEqual([
      ["## A", "one", null],
      ["### C", "three", null],
    ]);
    expect(splitSections(doc)[0]?.subsections).toEqual([]);
  });

  it("a repeated heading names the first section only: the later one is text of nobody's choosing", () => {
    const doc = "## Notes\nfirst\n## Notes\nsecond\n## End\nx";
    expect(splitSections(doc).map((s) => [s.heading, s.text])).toEqual([
      ["## Notes", "first"],
      ["## End", "x"],
    ]);
  });

  it("a section with no text has empty text", () => {
    expect(splitSections("## A\n\n## B\nb")[0]?.text).toBe("");
  });
});

describe("applying section edits", () => {
  it("replaces exactly the section's text, keeping the blank lines and rule around it", () => {
    const { markdown, applied, orphaned } = applySectionEdits(DOC, [
      { heading: "## 3. Timeline", body: "Twelve weeks, agreed with the client." },
    ]);
    expect(applied).toEqual(["## 3. Timeline"]);
    expect(orphaned).toEqual([]);
    expect(markdown).toContain("## 3. Timeline\n\nTwelve weeks, agreed with the client.\n\n## 4. END");
    expect(markdown).not.toContain("Eleven weeks");
    expect(splitSections(markdown).find((s) => s.heading === "## 3. Timeline")?.text).toBe(
      "Twelve weeks, agreed with the client.",
    );
  });

  it("the rule closing a section stays in the document, whatever replaces the text before it", () => {
    const { markdown } = applySectionEdits(DOC, [{ heading: "### 1.2 Impact", body: "Ours.\n\n---\n" }]);
    expect(markdown).toContain("### 1.2 Impact\nOurs.\n\n---\n\n## 3. Timeline");
  });

  it("what replaces a section reads back as that section's text (what the editor shows)", () => {
    const body = "Line one\n\n- a list\n- of things";
    const { markdown } = applySectionEdits(DOC, [{ heading: "### 1.1 Problem", body }]);
    expect(splitSections(markdown).find((s) => s.heading === "### 1.1 Problem")?.text).toBe(body);
    expect(markdown).toContain("### 1.1 Problem\nLine one\n\n- a list\n- of things\n\n### 1.2 Impact");
  });

  it("leaves the rest of the document exactly as it was", () => {
    const { markdown } = applySectionEdits(DOC, [{ heading: "### 1.1 Problem", body: "New." }]);
    expect(markdown.replace("New.", "Orders are keyed in twice.")).toBe(DOC);
  });

  it("a ## edit replaces its subsections too; a ### edit then applies to the PM's wording when it has it", () => {
    const { markdown, applied, orphaned } = applySectionEdits(DOC, [
      { heading: "### 1.2 Impact", body: "Books in minutes." },
      { heading: "## 1. CONTEXT", body: "Our words.\n\n### 1.2 Impact\nTo be replaced." },
      { heading: "### 1.1 Problem", body: "Gone with the ## edit." },
    ]);
    expect(markdown).toContain(
      "## 1. CONTEXT\n\nOur words.\n\n### 1.2 Impact\nBooks in minutes.\n\n---\n\n## 3. Timeline",
    );
    expect(applied).toEqual(["## 1. CONTEXT", "### 1.2 Impact"]);
    expect(orphaned).toEqual(["### 1.1 Problem"]);
  });

  it("an edit whose heading is not in the document is orphaned and changes nothing", () => {
    const { markdown, orphaned } = applySectionEdits(DOC, [
      { heading: "### 4.4 Data Migration Requirements", body: "Two years of orders." },
      { heading: "# IMPLEMENTATION PLAN", body: "Not a section." },
    ]);
    expect(markdown).toBe(DOC);
    expect(orphaned).toEqual(["### 4.4 Data Migration Requirements", "# IMPLEMENTATION PLAN"]);
  });

  it("a heading inside a code fence is never matched", () => {
    const { orphaned, markdown } = applySectionEdits(DOC, [{ heading: "## not a heading", body: "x" }]);
    expect(orphaned).toEqual(["## not a heading"]);
    expect(markdown).toBe(DOC);
  });

  it("with repeated headings, the first section takes the edit and the later one keeps its text", () => {
    const doc = "## Notes\nfirst\n\n## Notes\nsecond\n";
    expect(applySectionEdits(doc, [{ heading: "## Notes", body: "mine" }]).markdown).toBe(
      "## Notes\nmine\n\n## Notes\nsecond\n",
    );
  });

  it("fills an empty section, with a blank line before the next heading", () => {
    expect(applySectionEdits("## A\n## B\nb", [{ heading: "## A", body: "a" }]).markdown).toBe(
      "## A\na\n\n## B\nb",
    );
  });

  it("Windows line breaks, opening and closing blank lines and a closing rule are normalised; hard breaks stay", () => {
    expect(normaliseSectionText("\r\n  \r\nOne  \r\nTwo\r\n\r\n---\r\n")).toBe("One  \nTwo");
  });

  it("refuses Slack markup a document would show raw: broadcasts, group mentions, mentions of no one", () => {
    for (const text of ["Ping <!here>", "Ask <!subteam^S0QA>", "See <@someone>", "Hi ![](@nobody)"]) {
      expect(sectionTextProblem(3, text)).toContain("Slack markup");
    }
    expect(
      sectionTextProblem(3, "Ask \uE000@U04LEAD0001\uE001 in <https://example.com|the wiki>"),
    ).toBeNull();
  });
});

describe("what a PM's text may hold", () => {
  it("refuses empty text, pointing to Revert", () => {
    expect(sectionTextProblem(2, "  \n \n")).toContain("Revert");
  });

  it("refuses a heading that would start another section, allows deeper ones and fenced ones", () => {
    expect(sectionTextProblem(2, "Intro\n## Another")).toContain("new section");
    expect(sectionTextProblem(2, "# Title")).toContain("new section");
    expect(sectionTextProblem(2, "Intro\n### A subsection\ntext")).toBeNull();
    expect(sectionTextProblem(3, "Intro\n### A sibling")).toContain("####");
    expect(sectionTextProblem(3, "Intro\n#### Deeper\ntext")).toBeNull();
    expect(sectionTextProblem(3, "```\n## code\n```")).toBeNull();
  });

  it("refuses a code fence left open", () => {
    expect(sectionTextProblem(3, "```\nnever closed")).toContain("not closed");
    expect(sectionTextProblem(3, "````\n```\n````")).toBeNull();
  });
});
