import { describe, expect, it } from "vitest";
import { parseCommand, USAGES, usageOf } from "../../src/slack/command-grammar.js";

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
    ["phase 2 in progress", { name: "phase", phase: "2", status: "in-progress", note: null }],
    ["phase 3 not started yet", { name: "phase", phase: "3", status: "not-started", note: "yet" }],
    ["phase testing on hold", { name: "phase", phase: "testing", status: "blocked", note: null }],
    [
      "phase testing blocked waiting on UAT creds",
      { name: "phase", phase: "testing", status: "blocked", note: "waiting on UAT creds" },
    ],
    ["blocker Sandbox credentials missing", { name: "blocker", text: "Sandbox credentials missing" }],
    ["blocker resolve 12", { name: "blocker-resolve", id: 12, note: null }],
    ["blocker resolve #3 client sent keys", { name: "blocker-resolve", id: 3, note: "client sent keys" }],
    ["blocker list of SKUs is missing", { name: "blocker", text: "list of SKUs is missing" }],
    ["blocker fix 2 failing webhooks", { name: "blocker", text: "fix 2 failing webhooks" }],
    ["blocker show stopper: no sandbox", { name: "blocker", text: "show stopper: no sandbox" }],
    ["blockers", { name: "blockers" }],
    ["history", { name: "history", page: 1 }],
    ["history 3", { name: "history", page: 3 }],
    ["questionnaire", { name: "questionnaire", upgrade: false }],
    ["questionnaire upgrade", { name: "questionnaire", upgrade: true }],
    ["Questionnaire UPGRADE", { name: "questionnaire", upgrade: true }],
    ["delete", { name: "delete" }],
    ["freeze plan", { name: "freeze", doc: "plan", label: null }],
    ["freeze Discovery", { name: "freeze", doc: "discovery", label: null }],
    ["freeze plan Sent to client", { name: "freeze", doc: "plan", label: "Sent to client" }],
    ['freeze plan "v1 – signed"', { name: "freeze", doc: "plan", label: "v1 – signed" }],
    ["freeze plan &lt;b&gt; for <@U0CEO|ceo>", { name: "freeze", doc: "plan", label: "<b> for @ceo" }],
    [`freeze plan ${"x".repeat(100)}`, { name: "freeze", doc: "plan", label: "x".repeat(100) }],
    ["versions", { name: "versions" }],
    ["docs", { name: "docs" }],
    ["DOCS", { name: "docs" }],
  ])("reads %j", (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ["frobnicate", /Unknown subcommand "frobnicate"/, null],
    ["new now", /takes no arguments/, "/intplan new"],
    ["status please", /takes no arguments/, "/intplan status"],
    [
      "export everything",
      /Cannot export "everything": say one of `plan`, .* or `answers`/,
      "/intplan export [<document>|answers]",
    ],
    [
      "export sow extra",
      /Cannot export "sow extra".*Nothing was uploaded/,
      "/intplan export [<document>|answers]",
    ],
    ["export plan answers", /Cannot export "plan answers"/, "/intplan export [<document>|answers]"],
    ["publish", /Say which document to publish: `plan`, `discovery`, `sow`/, "/intplan publish <document>"],
    ["publish nonsense", /Cannot publish "nonsense".*Nothing was published/, "/intplan publish <document>"],
    ["publish answers", /Cannot publish "answers"/, "/intplan publish <document>"],
    ["publish sow specs", /Cannot publish "sow specs"/, "/intplan publish <document>"],
    ["docs sow", /`docs` takes no arguments/, "/intplan docs"],
    ["edit", /Say what to edit: `plan`, .* `playbook` or `project`/, "/intplan edit <document>"],
    ["edit answers", /Cannot edit "answers"/, "/intplan edit <document>"],
    ["edit sow plan", /Cannot edit "sow plan"/, "/intplan edit <document>"],
    ["phase", /Say which phase/, expect.stringContaining("/intplan phase")],
    ["phase 2", /Say which phase/, expect.stringContaining("/intplan phase")],
    ["phase 2 sideways", /No status found/, expect.stringContaining("/intplan phase")],
    ["blocker", /Describe the blocker/, expect.stringContaining("/intplan blocker")],
    ["blocker resolve", /Say which blocker/, "/intplan blocker resolve <id> [note]"],
    ["blocker resolve abc", /"abc" is not a blocker id/, "/intplan blocker resolve <id> [note]"],
    ["history last", /not a page number/, "/intplan history [page]"],
    ["history 0", /not a page number/, "/intplan history [page]"],
    ["questionnaire 2", /takes nothing or `upgrade`/, "/intplan questionnaire [upgrade]"],
    ["freeze", /Say which document to freeze/, "/intplan freeze <document> [label]"],
    ["freeze answers", /Cannot freeze "answers"/, "/intplan freeze <document> [label]"],
    [
      `freeze plan ${"x".repeat(101)}`,
      /at most 100 characters \(yours has 101\)/,
      "/intplan freeze <document> [label]",
    ],
    ["versions plan", /takes no arguments/, "/intplan versions"],
  ])("refuses %j with a reason and the usage", (text, error, usage) => {
    const result = parseCommand(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(error);
    expect(result.usage).toEqual(usage);
  });

  it.each(["list", "LIST", "show", "ls", "all", "help", "view", "open", "list all", "show 3", "show #3"])(
    "asks whether `blocker %s` meant /intplan blockers, and logs nothing",
    (words) => {
      const result = parseCommand(`blocker ${words}`);
      expect(result).toMatchObject({ ok: false, usage: expect.stringContaining("/intplan blocker <text>") });
      if (result.ok) return;
      expect(result.error).toContain("Did you mean `/intplan blockers`?");
    },
  );

  it.each([
    ["close 3", "/intplan blocker resolve 3"],
    ["done #4", "/intplan blocker resolve 4"],
    ["fixed #12 keys arrived", "/intplan blocker resolve 12 <note>"],
  ])("asks whether `blocker %s` meant a resolve", (words, meant) => {
    const result = parseCommand(`blocker ${words}`);
    expect(result).toMatchObject({ ok: false, usage: "/intplan blocker resolve <id> [note]" });
    if (result.ok) return;
    expect(result.error).toContain(`Did you mean \`${meant}\`?`);
  });

  it.each(["list", "show", "status", "all"])("asks whether `phase %s` meant /intplan status", (word) => {
    const result = parseCommand(`phase ${word}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("Did you mean `/intplan status`?");
  });

  it.each([
    ["blocer", "blocker"],
    ["interveiw", "interview"],
    ["stat", "status"],
    ["hisotry", "history"],
  ])("suggests the subcommand a typo %j meant", (word, meant) => {
    const result = parseCommand(word);
    expect(result).toMatchObject({ ok: false, unknown: word });
    if (result.ok) return;
    expect(result.error).toContain(`Did you mean \`/intplan ${meant}\`?`);
  });

  it.each([
    ["blockers resolve 3", "/intplan blocker resolve 3"],
    ["blockers Sandbox keys missing", "/intplan blocker Sandbox keys missing"],
  ])("asks whether %j meant the singular", (text, meant) => {
    const result = parseCommand(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(`Did you mean \`${meant}\`?`);
  });

  it("suggests nothing for a word close to no subcommand", () => {
    const result = parseCommand("frobnicate");
    expect(result.ok || result.error).not.toContain("Did you mean");
  });

  it("treats control characters as spaces", () => {
    expect(parseCommand("status\u0000")).toEqual({ ok: true, command: { name: "status" } });
  });

  it("drops a byte-order mark or zero-width space pasted around the text, and only there", () => {
    expect(parseCommand("\uFEFFstatus\u200B")).toEqual({ ok: true, command: { name: "status" } });
    expect(parseCommand("sta\u200Btus")).toMatchObject({ ok: false, unknown: "sta\u200Btus" });
  });
});

describe("the document suite's grammar: publish, export, freeze and edit any of the seven documents", () => {
  const DOCUMENTS = ["plan", "discovery", "sow", "specs", "tests", "runbook", "playbook"] as const;

  it.each(DOCUMENTS)("publishes, exports, freezes and edits %s", (doc) => {
    expect(parseCommand(`publish ${doc}`)).toEqual({ ok: true, command: { name: "publish", doc } });
    expect(parseCommand(`export ${doc}`)).toEqual({ ok: true, command: { name: "export", doc } });
    expect(parseCommand(`freeze ${doc} For sign-off`)).toEqual({
      ok: true,
      command: { name: "freeze", doc, label: "For sign-off" },
    });
    expect(parseCommand(`edit ${doc}`)).toEqual({ ok: true, command: { name: "edit", doc } });
  });

  it.each([
    ["statement-of-work", "sow"],
    ["SOW", "sow"],
    ["technical-specs", "specs"],
    ["technical-specifications", "specs"],
    ["tech_specs", "specs"],
    ["test-cases", "tests"],
    ["deployment-runbook", "runbook"],
    ["support-playbook", "playbook"],
    ["implementation-plan", "plan"],
    ["discovery-document", "discovery"],
  ])("takes %j for the %s", (word, doc) => {
    expect(parseCommand(`publish ${word}`)).toEqual({ ok: true, command: { name: "publish", doc } });
    expect(parseCommand(`export ${word}`)).toEqual({ ok: true, command: { name: "export", doc } });
    expect(parseCommand(`freeze ${word}`)).toMatchObject({ ok: true, command: { name: "freeze", doc } });
    expect(parseCommand(`edit ${word}`)).toEqual({ ok: true, command: { name: "edit", doc } });
  });

  it("still exports the plan when no document is named, and the answers as JSON", () => {
    expect(parseCommand("export")).toEqual({ ok: true, command: { name: "export", doc: "plan" } });
    expect(parseCommand("export Answers")).toEqual({ ok: true, command: { name: "export", doc: "answers" } });
  });

  it("keeps `plan` and `discovery` as subcommands of their own", () => {
    expect(parseCommand("plan")).toEqual({ ok: true, command: { name: "plan" } });
    expect(parseCommand("discovery")).toEqual({ ok: true, command: { name: "discovery" } });
  });

  it("asks whether a document named on its own meant publishing it", () => {
    const result = parseCommand("sow");
    expect(result).toMatchObject({ ok: false, usage: "/intplan publish <document>" });
    if (result.ok) return;
    expect(result.error).toBe("Did you mean `/intplan publish sow`? Nothing was published.");
  });

  it("suggests `/intplan docs` for a near miss", () => {
    const result = parseCommand("doc");
    expect(result.ok || result.error).toContain("Did you mean `/intplan docs`?");
  });

  it("has a usage line for publish and docs", () => {
    const usages = USAGES.map((u) => u.usage);
    expect(usages).toContain("/intplan publish <document>");
    expect(usages).toContain("/intplan docs");
  });
});

describe("the grammar of editing the project and owning a phase", () => {
  it("reads `edit project` as the project's basics, not a document", () => {
    expect(parseCommand("edit project")).toEqual({ ok: true, command: { name: "edit-project" } });
    expect(parseCommand("edit Project")).toEqual({ ok: true, command: { name: "edit-project" } });
  });

  it("reads `phase <n> owner …` before any status word, a phase name of several words included", () => {
    expect(parseCommand("phase 3 owner <@U0MARIA|maria>")).toEqual({
      ok: true,
      command: { name: "phase-owner", phase: "3", owner: "<@U0MARIA|maria>" },
    });
    expect(parseCommand("phase post launch owner default")).toEqual({
      ok: true,
      command: { name: "phase-owner", phase: "post launch", owner: "default" },
    });
    expect(parseCommand("phase 2 done owner signed it off")).toMatchObject({
      ok: true,
      command: { name: "phase", status: "done", note: "owner signed it off" },
    });
  });

  it("asks who, when the owner is missing", () => {
    expect(parseCommand("phase 3 owner")).toMatchObject({
      ok: false,
      error: expect.stringContaining("Say who"),
    });
  });

  it("lists both in the help", () => {
    const usages = USAGES.map((u) => u.usage);
    expect(usages).toContain("/intplan edit project");
    expect(usages).toContain("/intplan phase <1-5|name> owner @person|default");
  });
});

describe("/intplan ask's grammar", () => {
  const parse = (text: string) => parseCommand(text);

  it("reads the person as Slack escapes a mention, the sections by number or name, and the note", () => {
    expect(parse("ask <@U0DANA|dana> 5")).toEqual({
      ok: true,
      command: { name: "ask", personId: "U0DANA", sections: ["5"], note: null },
    });
    expect(parse("ask <@U0DANA|dana> 5, 7 8 can you check the volumes?")).toEqual({
      ok: true,
      command: {
        name: "ask",
        personId: "U0DANA",
        sections: ["5", "7", "8"],
        note: "can you check the volumes?",
      },
    });
    expect(parse("ask <@U0DANA> security, go live -- by Friday <@U0PM>")).toEqual({
      ok: true,
      command: {
        name: "ask",
        personId: "U0DANA",
        sections: ["security", "go live"],
        note: "by Friday <@U0PM>",
      },
    });
    expect(parse('ask <@W0DANA|dana> risks "the ones you know"')).toEqual({
      ok: true,
      command: { name: "ask", personId: "W0DANA", sections: ["risks"], note: "the ones you know" },
    });
  });

  it("leaves naming no section to the handler (which lists the incomplete ones)", () => {
    expect(parse("ask <@U0DANA|dana>")).toEqual({
      ok: true,
      command: { name: "ask", personId: "U0DANA", sections: [], note: null },
    });
  });

  it("lists who owes what when nothing follows, or a look word", () => {
    expect(parse("ask")).toEqual({ ok: true, command: { name: "ask-list" } });
    expect(parse("ask list")).toEqual({ ok: true, command: { name: "ask-list" } });
  });

  it("cancels one person's asks, some of their sections, or everyone's", () => {
    expect(parse("ask cancel")).toEqual({
      ok: true,
      command: { name: "ask-cancel", personId: null, sections: [] },
    });
    expect(parse("ask cancel <@U0DANA|dana> 5, security")).toEqual({
      ok: true,
      command: { name: "ask-cancel", personId: "U0DANA", sections: ["5", "security"] },
    });
  });

  it("refuses a person not mentioned, and several people at once", () => {
    const noMention = parse("ask dana 5");
    expect(noMention.ok).toBe(false);
    if (!noMention.ok) expect(noMention.usage).toBe(usageOf("ask"));
    const two = parse("ask <@U0DANA|dana> <@U0SAM|sam> 5");
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.error).toContain("one person at a time");
    expect(parse("ask cancel <@U0DANA> <@U0SAM>").ok).toBe(false);
  });

  it("has usage lines for asking, cancelling and listing", () => {
    expect(usageOf("ask")).toBe("/intplan ask @person <sections…> [-- note]");
    expect(usageOf("ask-cancel")).toBe("/intplan ask cancel [@person] [sections…]");
    expect(usageOf("ask-list")).toBe("/intplan ask");
  });
});
