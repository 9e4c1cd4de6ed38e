import { describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { AuditRow } from "../../src/db/schema.js";
import {
  buildHistoryPage,
  describeAuditEntry,
  HISTORY_PAGE_SIZE,
} from "../../src/slack/views/history-view.js";

const entry = (action: string, details: Record<string, unknown>, id = 1): AuditRow => ({
  id,
  projectId: 1,
  actorId: "U0PM",
  action,
  details,
  at: new Date("2026-11-22T10:00:00Z"),
});

describe("describing the audit trail", () => {
  it.each([
    ["project.created", { code: "INT-0001", name: "Acme" }, "created the project INT-0001 _Acme_"],
    [
      "phase.changed",
      { phase: 2, from: "not-started", to: "in-progress", note: null },
      "moved *2. Development* from Not started to In progress",
    ],
    [
      "phase.changed",
      { phase: 1, from: "in-progress", to: "done", note: "ok", signedOff: true },
      "moved *1. Discovery &amp; Design* from In progress to Done (signed off): _ok_",
    ],
    ["blocker.added", { number: 3, text: "Keys <b>" }, "logged blocker #3: Keys &lt;b&gt;"],
    [
      "blocker.resolved",
      { number: 3, text: "Keys", note: "arrived" },
      "resolved blocker #3: Keys (_arrived_)",
    ],
    ["checklist.updated", { ticked: ["A", "B"], unticked: ["C"] }, "ticked A; B and unticked C"],
    ["answer.saved", { question: "api_rate_limits" }, "answered `api_rate_limits`"],
    [
      "section.edited",
      { document: "plan", heading: "## 3. TEAM & <ROLES>", previous: "a", text: "b" },
      "edited *## 3. TEAM &amp; &lt;ROLES&gt;* of the Implementation Plan",
    ],
    [
      "section.reverted",
      { document: "discovery", heading: "### Compliance", text: "b", orphaned: false },
      "reverted *### Compliance* of the Discovery Document to the generated text",
    ],
    [
      "section.reverted",
      { document: "plan", heading: "### 4.4 Data Migration Requirements", text: "b", orphaned: true },
      "deleted the edit of *### 4.4 Data Migration Requirements* of the Implementation Plan (no longer in the document)",
    ],
    [
      "document.published",
      { document: "plan", version: 2, target: "canvas" },
      "published the Implementation Plan v2 (canvas)",
    ],
    [
      "document.frozen",
      { document: "discovery", number: 3, label: "For <b> & review" },
      "froze the Discovery Document as version 3 “For &lt;b&gt; &amp; review”",
    ],
    [
      "document.frozen",
      { document: "plan", number: 1, label: null },
      "froze the Implementation Plan as version 1",
    ],
    ["something.new", {}, "`something.new`"],
  ])("%s %j", (action, details, sentence) => {
    expect(describeAuditEntry(entry(action, details))).toBe(sentence);
  });
});

describe("a page of history", () => {
  const entries = Array.from({ length: HISTORY_PAGE_SIZE }, (_, i) =>
    entry("blocker.added", { number: i + 1, text: "x".repeat(300) }, i + 1),
  );

  it("offers older pages while there are more, and newer ones after the first", () => {
    const first = buildHistoryPage({ projectName: "Acme", entries, page: 1, hasNext: true });
    expect(validateMessage(first)).toEqual([]);
    const buttons = (page: typeof first) =>
      page.blocks.flatMap((b) =>
        b.type === "actions"
          ? b.elements.map((e) => [
              (e as { text: { text: string } }).text.text,
              (e as { value: string }).value,
            ])
          : [],
      );
    expect(buttons(first)).toEqual([["Older", "2"]]);
    expect(buttons(buildHistoryPage({ projectName: "Acme", entries, page: 2, hasNext: false }))).toEqual([
      ["Newer", "1"],
    ]);
  });

  it("says so when nothing has happened", () => {
    expect(buildHistoryPage({ projectName: "Acme", entries: [], page: 1, hasNext: false }).text).toContain(
      "Nothing has happened yet.",
    );
  });
});
