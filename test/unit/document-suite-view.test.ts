import { describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { DOCUMENT_KINDS } from "../../src/domain/document-kinds.js";
import type { DocumentSuite, SuiteDocument } from "../../src/services/document-suite.js";
import { buildDocumentSuiteMessage } from "../../src/slack/views/document-suite-view.js";

const AT = new Date("2026-11-22T10:00:00Z");
const LINK = `https://emulated.slack.com/docs/T0TEAM/${"F".repeat(200)}`;

/** Every document in the state whose lines are longest: a canvas with changes waiting, frozen with a long label. */
function longest(kind: SuiteDocument["kind"]): SuiteDocument {
  return {
    kind,
    publication: {
      as: "canvas",
      canvasId: "F0CANVAS",
      permalink: LINK,
      version: 999_999,
      freshness: "changes-waiting",
      publishedAt: AT,
    },
    frozen: {
      id: 1,
      number: 999_999,
      label: "<!channel> & <@U0CEO> ".repeat(5).slice(0, 100),
      frozenAt: AT,
      permalink: LINK,
      uploaded: true,
    },
  };
}

describe("the /intplan docs message", () => {
  it("stays within Slack's Block Kit limits with the longest name, labels and links", () => {
    const suite: DocumentSuite = {
      projectId: 7,
      projectName: `<@U0X> ${"N".repeat(200)}`,
      documents: DOCUMENT_KINDS.map(longest),
    };
    const message = buildDocumentSuiteMessage(suite);
    expect(validateMessage(message)).toEqual([]);
    const text = JSON.stringify(message);
    // What people typed is shown, never obeyed: no ping, no mention.
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<@U0");
  });

  it("says each state in words, and offers Publish and Export for each document, carrying the project", () => {
    const suite: DocumentSuite = {
      projectId: 7,
      projectName: "Acme order sync",
      documents: [
        { kind: "plan", publication: { as: "none" }, frozen: null },
        {
          kind: "discovery",
          publication: { as: "file", version: 2, freshness: "up-to-date", publishedAt: AT },
          frozen: null,
        },
        {
          kind: "sow",
          publication: {
            as: "canvas",
            canvasId: "F0C",
            permalink: null,
            version: 1,
            freshness: "unknown",
            publishedAt: AT,
          },
          frozen: { id: 3, number: 2, label: null, frozenAt: AT, permalink: null, uploaded: false },
        },
      ],
    };
    const message = buildDocumentSuiteMessage(suite);
    const sections = message.blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
    expect(sections[1]).toContain("Never published: `/intplan publish plan`");
    expect(sections[2]).toContain("Posted as a Markdown file (no canvases here), version 2");
    expect(sections[2]).toContain("up to date");
    expect(sections[3]).toContain("Canvas, version 1");
    expect(sections[3]).toContain("could not compare it");
    expect(sections[3]).toContain("Last frozen: version 2");
    expect(sections[3]).toContain("files not uploaded: `/intplan versions`");
    const buttons = message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(buttons.map((b) => ("action_id" in b ? b.action_id : ""))).toEqual([
      "document_suite_publish_plan",
      "document_suite_export_plan",
      "document_suite_publish_discovery",
      "document_suite_export_discovery",
      "document_suite_publish_sow",
      "document_suite_export_sow",
    ]);
    expect(buttons.every((b) => "value" in b && b.value === "7")).toBe(true);
  });
});
