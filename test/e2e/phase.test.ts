import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { auditLog, checklistItems, phases, projects } from "../../src/db/schema.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

interface Reply {
  response_type?: string;
  text: string;
  blocks: { type: string; elements?: { action_id: string; value?: string }[] }[];
}

const CHANNEL = "C0PROJECT";

describe("the team moves phases along from the channel", () => {
  let t: TestApp;
  let projectId: number;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
    projectId = t.db.select().from(projects).get()?.id ?? 0;
  });
  afterEach(async () => {
    await t.close();
  });

  const phase = (number: number) =>
    t.db
      .select()
      .from(phases)
      .where(and(eq(phases.projectId, projectId), eq(phases.number, number)))
      .get();
  /** The channel message holding `fragment`, once the app has done all it set out to. */
  const posted = async (fragment: string) => {
    await t.idle();
    return t.emulator.waitForCall(
      "chat.postMessage",
      (c) => c.args.channel === CHANNEL && String(c.args.text).includes(fragment),
    );
  };
  const channelMessages = () => t.emulator.messages.get(CHANNEL) ?? [];
  const buttonIn = (reply: Reply, actionId: string) =>
    reply.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);

  it("a PM marks Development in progress and the channel hears who changed what", async () => {
    const res = await t.slack.command({ text: "phase dev in-progress API clients started", userId: "U0PM" });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    const announcement = await posted("moved *2. Development*");
    expect(announcement.args.text).toBe(
      ":large_blue_circle: <@U0PM> moved *2. Development* from Not started to *In progress*\n>API clients started",
    );
    // Moving a phase does not make the mover its owner: the owner comes from the team until someone sets one.
    expect(phase(2)).toMatchObject({
      status: "in-progress",
      ownerId: null,
      startedOn: "2026-11-22",
      note: "API clients started",
    });
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, "phase.changed")).all();
    expect(audit.map((a) => [a.actorId, a.details.to])).toEqual([["U0PM", "in-progress"]]);
    expect(t.emulator.rejections).toEqual([]);
  });

  it("the plan canvas shows the phase's new status and note", async () => {
    await t.slack.command({ text: "plan" });
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    const canvasId = String(created.answer?.canvas_id);
    await t.slack.command({ text: "phase dev blocked waiting on QBO sandbox" });
    await t.idle();
    await t.emulator.waitForCall("canvases.edit", (c) => c.args.canvas_id === canvasId);
    // Nobody set an owner and no backend developer is named: Development is the lead's (named, their user
    // card is in the header already).
    expect(t.emulator.canvases.get(canvasId)?.markdown).toContain(
      "**Owner**: user-u0lead  \n**Status**: Blocked (waiting on QBO sandbox)",
    );
  });

  it.each([
    ["uat wip", 3, "in-progress"],
    ["launch blocked waiting on the deploy window", 4, "blocked"],
    ["post launch started", 5, "in-progress"],
    ["Discovery &amp; Design in-progress", 1, "in-progress"],
  ])("understands forgiving names: /intplan phase %s", async (text, number, status) => {
    await t.slack.command({ text: `phase ${text}` });
    await posted(`*${number}. `);
    expect(phase(number)?.status).toBe(status);
  });

  it("answers an unknown phase privately, listing the phases, and changes nothing", async () => {
    const res = await t.slack.command({ text: "phase <!channel> done" });
    const reply = res.body as Reply;
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain('There is no phase "@channel"');
    expect(reply.text).toContain("1 Discovery &amp; Design, 2 Development");
    await t.idle();
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "phase.changed")).all()).toEqual([]);
  });

  it("says so when a phase already has that status", async () => {
    await t.slack.command({ text: "phase 2 in-progress" });
    await posted("moved *2. Development*");
    const res = await t.slack.command({ text: "phase development wip" });
    expect((res.body as Reply).text).toContain("*2. Development* is already in progress.");
  });

  it("the lead signs off Discovery with exit criteria still open; the sign-off is recorded", async () => {
    const res = await t.slack.command({ text: "phase 1 done specs approved", userId: "U0LEAD" });
    const prompt = res.body as Reply;
    expect(prompt.response_type).toBe("ephemeral");
    expect(prompt.text).toContain("*1. Discovery &amp; Design* still has 4 open exit criteria");
    expect(prompt.text).toContain("Data mapping approved by client");
    expect(validateMessage(prompt)).toEqual([]);
    expect(phase(1)?.status).toBe("not-started");

    const signOff = buttonIn(prompt, "phase_sign_off");
    const pressed = await t.slack.blockAction({
      actionId: "phase_sign_off",
      value: signOff?.value,
      userId: "U0LEAD",
      channelId: CHANNEL,
      messageTs: "1.000001",
      ephemeral: true,
    });
    await t.idle();
    await posted("(signed off by <@U0LEAD>)");
    // One reply: the channel's announcement. The private question goes; no private copy of the news.
    const answers = t.emulator.responses.filter((r) => r.url === pressed.responseUrl);
    expect(answers.map((r) => r.effect)).toEqual(["deleted-original"]);
    expect(channelMessages().filter((m) => m.text.includes("signed off"))).toHaveLength(1);
    expect(phase(1)).toMatchObject({
      status: "done",
      signedOffBy: "U0LEAD",
      note: "specs approved",
      endedOn: "2026-11-22",
    });
  });

  it("a developer cannot sign off, but can ask; only the lead or PM can confirm", async () => {
    const res = await t.slack.command({ text: "phase 1 done", userId: "U0DEV" });
    const prompt = res.body as Reply;
    expect(prompt.text).toContain("Only <@U0LEAD> or <@U0PM> can sign it off");
    expect(buttonIn(prompt, "phase_sign_off")).toBeUndefined();
    const ask = buttonIn(prompt, "phase_ask_sign_off");

    const asking = await t.slack.blockAction({
      actionId: "phase_ask_sign_off",
      value: ask?.value,
      userId: "U0DEV",
      channelId: CHANNEL,
      messageTs: "1.000002",
      ephemeral: true,
    });
    const request = await posted("wants to mark *1. Discovery &amp; Design* done");
    // The request in the channel is the answer: the private question goes, with no private "asked" copy.
    expect(t.emulator.responses.filter((r) => r.url === asking.responseUrl).map((r) => r.effect)).toEqual([
      "deleted-original",
    ]);
    const requestTs = String(request.answer?.ts);
    expect(String(request.args.text)).toContain("<@U0LEAD> or <@U0PM>, can you sign it off?");

    await t.slack.blockAction({
      actionId: "phase_sign_off",
      value: ask?.value,
      userId: "U0DEV",
      channelId: CHANNEL,
      messageTs: requestTs,
    });
    await t.idle();
    const refused = await t.emulator.waitForResponse((r) => String(r.body.text).startsWith("Only"));
    expect(refused.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(phase(1)?.status).toBe("not-started");

    const confirmed = await t.slack.blockAction({
      actionId: "phase_sign_off",
      value: ask?.value,
      userId: "U0PM",
      channelId: CHANNEL,
      messageTs: requestTs,
    });
    await posted("(signed off by <@U0PM>)");
    // The request in the channel is settled in place (its button goes), not answered with a second post.
    const settled = t.emulator.responses.filter((r) => r.url === confirmed.responseUrl);
    expect(settled.map((r) => r.effect)).toEqual(["replaced-original"]);
    expect(phase(1)).toMatchObject({ status: "done", signedOffBy: "U0PM" });
  });

  it("marks a phase done without asking once its exit criteria are ticked", async () => {
    t.db
      .update(checklistItems)
      .set({ done: true })
      .where(
        and(
          eq(checklistItems.projectId, projectId),
          eq(checklistItems.phaseNumber, 1),
          eq(checklistItems.kind, "exit"),
        ),
      )
      .run();
    const res = await t.slack.command({ text: "phase discovery complete", userId: "U0DEV" });
    expect(res.body).toBe("");
    await posted("moved *1. Discovery &amp; Design* from Not started to *Done*");
  });

  it("a sign-off button from another channel's project does nothing here", async () => {
    await createProjectThroughSlack(t, { channelId: "C0OTHER" });
    const res = await t.slack.command({ text: "phase 1 done", userId: "U0LEAD" });
    const value = buttonIn(res.body as Reply, "phase_sign_off")?.value;
    await t.slack.blockAction({
      actionId: "phase_sign_off",
      value,
      userId: "U0LEAD",
      channelId: "C0OTHER",
      messageTs: "1.000003",
    });
    await t.idle();
    const reply = await t.emulator.waitForResponse((r) =>
      String(r.body.text).includes("not in this channel"),
    );
    expect(reply.body.replace_original).toBe(false);
    expect(phase(1)?.status).toBe("not-started");
  });
});
