import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addBlocker, listOpenBlockers, resolveBlocker } from "../../src/db/blocker-store.js";
import { auditLog, projects } from "../../src/db/schema.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import { blockerTextFromMessage, parseBlockerText, plainFromTyped } from "../../src/slack/slack-text.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

describe("reading what people type after /intplan (Slack sends it escaped)", () => {
  it.each([
    ["Sandbox creds for <@U123|maria>", "Sandbox creds for @maria"],
    [
      "see <#C42|integration-acme> and <https://acme.example/x|the ticket>",
      "see #integration-acme and the ticket (https://acme.example/x)",
    ],
    ["ping <!here> about <https://acme.example>", "ping @here about https://acme.example"],
    ["R&amp;D says 1 &lt; 2 &gt; 0", "R&D says 1 < 2 > 0"],
    ["  spaced   out  ", "spaced out"],
  ])("%j reads as %j", (typed, plain) => {
    expect(plainFromTyped(typed)).toBe(plain);
  });
});

describe("parsing /intplan blocker text", () => {
  it.each([
    [
      "Waiting on sandbox credentials",
      { text: "Waiting on sandbox credentials", ownerId: null, waitingOnClient: false },
    ],
    [
      "Waiting on sandbox credentials <@U0MARIA|maria>",
      { text: "Waiting on sandbox credentials", ownerId: "U0MARIA", waitingOnClient: false },
    ],
    [
      "Waiting on sandbox credentials --client",
      { text: "Waiting on sandbox credentials", ownerId: null, waitingOnClient: true },
    ],
    [
      "—client Waiting on keys <@U0MARIA|maria>",
      { text: "Waiting on keys", ownerId: "U0MARIA", waitingOnClient: true },
    ],
    [
      "<@U0MARIA|maria> needs the QBO admin --client",
      { text: "@maria needs the QBO admin", ownerId: "U0MARIA", waitingOnClient: true },
    ],
    ["Tax codes --clientside", { text: "Tax codes --clientside", ownerId: null, waitingOnClient: false }],
  ])("reads %j", (typed, value) => {
    expect(parseBlockerText(typed)).toEqual({ ok: true, value });
  });

  it("reads --client the same way every time (no regex state between calls)", () => {
    for (let i = 0; i < 3; i++)
      expect(parseBlockerText("keys --client")).toMatchObject({ ok: true, value: { waitingOnClient: true } });
  });

  it.each([
    ["--client", /Describe the blocker/],
    ["<@U0MARIA|maria>", /Describe the blocker/],
    ["x".repeat(501), /at most 500 characters \(yours has 501\)/],
  ])("refuses %j", (typed, error) => {
    const result = parseBlockerText(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("cuts a long message to the limit at a word when logging it as a blocker", () => {
    const text = blockerTextFromMessage(`${"word ".repeat(150)}end`);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text.endsWith("word…")).toBe(true);
  });
});

describe("storing blockers", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());

  const add = (text: string, projectId = p.project.id, at = T0) =>
    addBlocker(p.db, {
      projectId,
      input: { text, ownerId: "U0MARIA", waitingOnClient: true },
      actorId: "U0PM",
      at,
      timing: undefined,
    });

  it("numbers blockers per project, with an audit row and a refresh of the plan and the board", () => {
    const other = p.addProject("C0OTHER");
    add("Sandbox credentials");
    add("Tax mapping", other.id);
    const second = add("QBO admin access");
    expect(second).toMatchObject({
      kind: "added",
      blocker: { number: 2, text: "QBO admin access", status: "open" },
    });

    const audit = p.db.select().from(auditLog).where(eq(auditLog.projectId, p.project.id)).all();
    expect(audit.filter((a) => a.action === "blocker.added").map((a) => a.details.number)).toEqual([1, 2]);
    expect(
      pendingJobs(p.db, p.project.id)
        .map((j) => j.job)
        .sort(),
    ).toEqual(["refresh-plan", "refresh-status-board", "reminders"]);
    expect(p.db.select().from(projects).where(eq(projects.id, p.project.id)).get()?.updatedAt).toEqual(T0);
  });

  it("resolves a blocker once, with who, when and the note", () => {
    add("Sandbox credentials");
    const later = new Date(T0.getTime() + 3_600_000);
    const resolved = resolveBlocker(p.db, {
      projectId: p.project.id,
      number: 1,
      note: "Keys arrived",
      actorId: "U0LEAD",
      at: later,
      timing: undefined,
    });
    expect(resolved).toMatchObject({
      kind: "resolved",
      blocker: { status: "resolved", resolvedBy: "U0LEAD", resolutionNote: "Keys arrived" },
    });
    expect(
      resolveBlocker(p.db, {
        projectId: p.project.id,
        number: 1,
        note: null,
        actorId: "U0LEAD",
        at: later,
        timing: undefined,
      }).kind,
    ).toBe("already-resolved");
    expect(listOpenBlockers(p.db, p.project.id)).toEqual([]);
  });

  it("cannot resolve another project's blocker by its number", () => {
    const other = p.addProject("C0OTHER");
    add("Their blocker", other.id);
    const result = resolveBlocker(p.db, {
      projectId: p.project.id,
      number: 1,
      note: null,
      actorId: "U0PM",
      at: T0,
      timing: undefined,
    });
    expect(result.kind).toBe("not-found");
    expect(listOpenBlockers(p.db, other.id)).toHaveLength(1);
  });

  it("logs a message once while its blocker is open", () => {
    const source = {
      ts: "1700000000.000100",
      permalink: "https://acme.slack.com/archives/C0PROJECT/p1700000000000100",
    };
    const input = { text: "From a message", ownerId: null, waitingOnClient: false };
    const first = addBlocker(p.db, {
      projectId: p.project.id,
      input,
      source,
      actorId: "U0PM",
      at: T0,
      timing: undefined,
    });
    const again = addBlocker(p.db, {
      projectId: p.project.id,
      input,
      source,
      actorId: "U0PM",
      at: T0,
      timing: undefined,
    });
    expect(first.kind).toBe("added");
    expect(again).toMatchObject({
      kind: "already-logged",
      blocker: { number: 1, sourcePermalink: source.permalink },
    });
  });
});
