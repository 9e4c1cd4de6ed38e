import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { auditLog, projects } from "../../src/db/schema.js";
import { form, newProjectForm } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const text = (body: unknown) => JSON.stringify(body);

describe("a PM creates an integration project from the channel", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it("answers the health check while the database is up", async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "up" });
  });

  it("shows help for an empty /intplan and for /intplan help, listing only what exists", async () => {
    for (const input of ["", "help"]) {
      const res = await t.slack.command({ text: input });
      expect(res.status).toBe(200);
      const body = res.body as { response_type: string; text: string };
      expect(body.response_type).toBe("ephemeral");
      expect(body.text).toContain("/intplan new");
      expect(body.text).toContain("/intplan status");
      expect(validateMessage(body)).toEqual([]);
    }
  });

  it("names an unknown subcommand and shows how to get help, escaping what was typed", async () => {
    const res = await t.slack.command({ text: "<!channel> now" });
    const body = res.body as { text: string; response_type: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain('Unknown subcommand "&lt;!channel&gt;"');
    expect(body.text).not.toContain("<!channel>");
    expect(body.text).toContain("/intplan help");
  });

  it("tells a channel without a project how to create one", async () => {
    const res = await t.slack.command({ text: "status", channelId: "C0EMPTY" });
    expect(text(res.body)).toContain("has no integration project yet");
    expect(text(res.body)).toContain("/intplan new");
  });

  it("opens a valid modal, stores the project with an audit row, and posts the card", async () => {
    const res = await t.slack.command({ text: "new", channelId: "C0PROJECT", userId: "U0PM" });
    expect(res.status).toBe(200);
    await t.idle();
    const open = await t.emulator.waitForCall("views.open");
    expect(open.answer?.ok).toBe(true);
    expect(open.args.trigger_id).toBe(res.triggerId);
    const viewId = openedViewId(open);

    const submitted = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: newProjectForm() });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe("");

    const stored = t.db.select().from(projects).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      code: "INT-0001",
      channelId: "C0PROJECT",
      name: "Acme order sync",
      clientName: "Acme Outdoor Co.",
      systemA: "Shopify",
      systemB: "QuickBooks Online",
      integrationType: "accounting",
      integrationTypeSource: "auto",
      leadEngineerId: "U0LEAD",
      projectManagerId: "U0PM",
      targetGoLive: "2027-02-01",
      createdBy: "U0PM",
    });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.projectId, stored[0]?.id ?? 0))
      .all();
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["project.created", "U0PM"]]);

    await t.idle();
    const card = await t.emulator.waitForCall("chat.postMessage", (c) => c.args.channel === "C0PROJECT");
    expect(card.answer?.ok).toBe(true);
    const cardText = text(card.args.blocks);
    for (const expected of [
      "Acme order sync (INT-0001)",
      "Acme Outdoor Co.",
      "Shopify → QuickBooks Online",
      "Accounting (auto-detected)",
      "<@U0LEAD>",
      "<@U0PM>",
      "2027-02-01",
    ]) {
      expect(cardText).toContain(expected);
    }
    expect(t.emulator.rejections).toEqual([]);
  });

  it("posts the project's status board in the channel on /intplan status", async () => {
    await createProjectThroughSlack(t);
    const res = await t.slack.command({ text: "status", channelId: "C0PROJECT" });
    expect(res.status).toBe(200);
    await t.idle();
    const board = await t.emulator.waitForCall(
      "chat.postMessage",
      (c) =>
        c.args.channel === "C0PROJECT" &&
        String(c.args.text).startsWith("Acme order sync (INT-0001) status:"),
    );
    expect(board.answer?.ok).toBe(true);
    expect(String(board.args.text)).toContain("Acme order sync (INT-0001)");
    expect(text(board.args.blocks)).toContain("Discovery interview: 0 of");
  });

  it("refuses a second project in the same channel politely and changes nothing", async () => {
    await createProjectThroughSlack(t);
    const opens = t.emulator.callsTo("views.open").length;
    const res = await t.slack.command({ text: "new", channelId: "C0PROJECT", userId: "U0OTHER" });
    expect(text(res.body)).toContain("already has a project: *Acme order sync* (INT-0001)");
    await t.idle();
    expect(t.emulator.callsTo("views.open")).toHaveLength(opens);
    expect(t.db.select().from(projects).all()).toHaveLength(1);
  });

  it("numbers projects per workspace", async () => {
    await createProjectThroughSlack(t, { channelId: "C0ONE" });
    await createProjectThroughSlack(t, { channelId: "C0TWO" });
    expect(
      t.db
        .select({ code: projects.code })
        .from(projects)
        .all()
        .map((p) => p.code),
    ).toEqual(["INT-0001", "INT-0002"]);
  });

  it.each([
    ["an empty name", { name: form.text("  ") }, "name", "Project name is required."],
    ["a too long client", { client_name: form.text("x".repeat(81)) }, "client_name", "at most 80 characters"],
    ["the same system twice", { system_b: form.text("shopify") }, "system_b", "must differ from the source"],
    ["a go-live in the past", { target_go_live: form.date("2026-11-01") }, "target_go_live", "in the past"],
  ])(
    "shows %s as an inline error on the right field and stores nothing",
    async (_what, change, block, message) => {
      await t.slack.command({ text: "new" });
      await t.idle();
      const open = await t.emulator.waitForCall("views.open");
      const viewId = openedViewId(open);
      const res = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: newProjectForm(change) });
      const body = res.body as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe("errors");
      expect(Object.keys(body.errors)).toEqual([block]);
      expect(body.errors[block]).toContain(message);
      await t.idle();
      expect(t.db.select().from(projects).all()).toEqual([]);
      expect(t.emulator.callsTo("chat.postMessage")).toEqual([]);
    },
  );

  it("refuses a form whose channel metadata was tampered with", async () => {
    await t.slack.command({ text: "new" });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open");
    const viewId = openedViewId(open);
    const res = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      privateMetadata: '{"channelId":"<!here>"}',
      values: newProjectForm(),
    });
    expect(text(res.body)).toContain("This form is out of date");
    await t.idle();
    expect(t.db.select().from(projects).all()).toEqual([]);
  });

  it("tells the PM when Slack could not open the form", async () => {
    t.emulator.failNext("views.open", { kind: "error", error: "expired_trigger_id" });
    await t.slack.command({ text: "new" });
    await t.idle();
    const reply = await t.emulator.waitForResponse();
    expect(text(reply.body)).toContain("did not open the new-project form");
  });

  it("when the bot is not in the channel, keeps the project and tells the creator by DM", async () => {
    t.emulator.failNext("chat.postMessage", { kind: "error", error: "not_in_channel" });
    await t.slack.command({ text: "new", channelId: "C0PRIVATE" });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open");
    const viewId = openedViewId(open);
    await t.slack.viewSubmission({ userId: "U0PM", viewId, values: newProjectForm() });
    await t.idle();
    const dm = await t.emulator.waitForCall("chat.postMessage", (c) => c.args.channel === "U0PM");
    expect(String(dm.args.text)).toContain("/invite @intplan");
    expect(t.db.select().from(projects).all()).toHaveLength(1);
  });
});
