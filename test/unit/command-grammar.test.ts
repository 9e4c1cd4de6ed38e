import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/slack/command-grammar.js";

describe("the /intplan grammar", () => {
  it.each([
    ["", { name: "help" }],
    ["   ", { name: "help" }],
    ["help", { name: "help" }],
    ["HELP", { name: "help" }],
    ["new", { name: "new" }],
    ["status", { name: "status" }],
    ["interview", { name: "interview", section: null }],
    ["interview 4", { name: "interview", section: "4" }],
    ["interview API capabilities", { name: "interview", section: "API capabilities" }],
    ["plan", { name: "plan" }],
    ["discovery", { name: "discovery" }],
    ["export", { name: "export", doc: "plan" }],
    ["export answers", { name: "export", doc: "answers" }],
    ["export Discovery", { name: "export", doc: "discovery" }],
    ["phase 2 in-progress", { name: "phase", phase: "2", status: "in-progress", note: null }],
    ["phase dev done shipped it", { name: "phase", phase: "dev", status: "done", note: "shipped it" }],
    ["phase post launch wip", { name: "phase", phase: "post launch", status: "in-progress", note: null }],
    [
      "phase testing blocked waiting on UAT creds",
      { name: "phase", phase: "testing", status: "blocked", note: "waiting on UAT creds" },
    ],
    ["blocker Sandbox credentials missing", { name: "blocker", text: "Sandbox credentials missing" }],
    ["blocker resolve 12", { name: "blocker-resolve", id: 12, note: null }],
    ["blocker resolve #3 client sent keys", { name: "blocker-resolve", id: 3, note: "client sent keys" }],
    ["blockers", { name: "blockers" }],
    ["history", { name: "history", page: 1 }],
    ["history 3", { name: "history", page: 3 }],
    ["delete", { name: "delete" }],
    ["freeze plan", { name: "freeze", doc: "plan", label: null }],
    ["freeze Discovery", { name: "freeze", doc: "discovery", label: null }],
    ["freeze plan Sent to client", { name: "freeze", doc: "plan", label: "Sent to client" }],
    ['freeze plan "v1 – signed"', { name: "freeze", doc: "plan", label: "v1 – signed" }],
    ["freeze plan &lt;b&gt; for <@U0CEO|ceo>", { name: "freeze", doc: "plan", label: "<b> for @ceo" }],
    [`freeze plan ${"x".repeat(100)}`, { name: "freeze", doc: "plan", label: "x".repeat(100) }],
    ["versions", { name: "versions" }],
  ])("reads %j", (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ["frobnicate", /Unknown subcommand "frobnicate"/, null],
    ["new now", /takes no arguments/, "/intplan new"],
    ["status please", /takes no arguments/, "/intplan status"],
    ["export everything", /Cannot export/, "/intplan export [plan|discovery|answers]"],
    ["phase", /Say which phase/, expect.stringContaining("/intplan phase")],
    ["phase 2", /Say which phase/, expect.stringContaining("/intplan phase")],
    ["phase 2 sideways", /No status found/, expect.stringContaining("/intplan phase")],
    ["blocker", /Describe the blocker/, expect.stringContaining("/intplan blocker")],
    ["blocker resolve", /Say which blocker/, "/intplan blocker resolve <id> [note]"],
    ["blocker resolve abc", /"abc" is not a blocker id/, "/intplan blocker resolve <id> [note]"],
    ["history last", /not a page number/, "/intplan history [page]"],
    ["history 0", /not a page number/, "/intplan history [page]"],
    ["freeze", /Say which document to freeze/, "/intplan freeze plan|discovery [label]"],
    ["freeze answers", /Cannot freeze "answers"/, "/intplan freeze plan|discovery [label]"],
    [
      `freeze plan ${"x".repeat(101)}`,
      /at most 100 characters \(yours has 101\)/,
      "/intplan freeze plan|discovery [label]",
    ],
    ["versions plan", /takes no arguments/, "/intplan versions"],
  ])("refuses %j with a reason and the usage", (text, error, usage) => {
    const result = parseCommand(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(error);
    expect(result.usage).toEqual(usage);
  });

  it("treats control characters as spaces", () => {
    expect(parseCommand("status\u0000")).toEqual({ ok: true, command: { name: "status" } });
  });

  it("drops a byte-order mark or zero-width space pasted around the text, and only there", () => {
    expect(parseCommand("\uFEFFstatus\u200B")).toEqual({ ok: true, command: { name: "status" } });
    expect(parseCommand("sta\u200Btus")).toMatchObject({ ok: false, unknown: "sta\u200Btus" });
  });
});
