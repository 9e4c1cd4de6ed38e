import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { answers, auditLog, documentVersions, phases, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { sectionState } from "../support/interview.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const text = (v: unknown) => JSON.stringify(v);

describe("deleting a project (right to deletion)", () => {
  let t: TestApp;
  let projectId: number;

  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    projectId = t.db.select().from(projects).get()?.id ?? 0;
    const res = await t.slack.command({ text: "interview 1", channelId: CHANNEL });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    await t.slack.viewSubmission({
      userId: "U0PM",
      viewId: openedViewId(open),
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: sectionState(QUESTIONNAIRE_V3.sections[0] as (typeof QUESTIONNAIRE_V3.sections)[number]),
    });
    await t.slack.command({ text: "plan", channelId: CHANNEL });
    await t.idle();
    await t.emulator.waitForCall("canvases.create");
    await t.emulator.waitForCall("chat.postMessage", (c) => String(c.args.text).includes("version 1"));
  });
  afterEach(async () => {
    await t.close();
  });

  const press = (actionId: string, userId = "U0PM") =>
    // The confirmation is an ephemeral message: its buttons come with a response_url.
    t.slack.blockAction({
      actionId,
      value: String(projectId),
      userId,
      channelId: CHANNEL,
      messageTs: "1700000000.000100",
    });

  it("asks for confirmation first, and Cancel deletes nothing", async () => {
    const res = await t.slack.command({ text: "delete", channelId: CHANNEL, userId: "U0PM" });
    const body = res.body as { text: string; blocks: unknown[] };
    expect(body.text).toContain("This cannot be undone");
    expect(validateMessage(body)).toEqual([]);
    await press("project_delete_cancel");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("Nothing was deleted"));
    expect(t.db.select().from(projects).all()).toHaveLength(1);
  });

  it("refuses anyone but the lead or the PM, and changes nothing", async () => {
    const res = await t.slack.command({ text: "delete", channelId: CHANNEL, userId: "U0INTRUDER" });
    expect(text(res.body)).toContain(
      "Only the project's lead engineer (<@U0LEAD>) or project manager (<@U0PM>)",
    );
    await press("project_delete_confirm", "U0INTRUDER");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("Only the project's lead engineer"));
    expect(t.db.select().from(projects).all()).toHaveLength(1);
  });

  it("removes every row about the project and its canvas, and says what was removed", async () => {
    expect(t.db.select().from(answers).all().length).toBeGreaterThan(0);
    await t.slack.command({ text: "freeze plan", channelId: CHANNEL, userId: "U0PM" });
    await t.idle();
    expect(t.db.select().from(documentVersions).all()).toHaveLength(1);
    await t.slack.command({ text: "delete", channelId: CHANNEL, userId: "U0LEAD" });
    await press("project_delete_confirm", "U0LEAD");
    await t.idle();
    const reply = await t.emulator.waitForResponse((r) => text(r.body).includes("Deleted"));
    expect(text(reply.body)).toMatch(/\d+ discovery answers/);
    expect(text(reply.body)).toContain("1 canvases in Slack");
    expect(text(reply.body)).toContain("1 frozen versions");
    for (const table of [projects, answers, auditLog, phases, documentVersions])
      expect(t.db.select().from(table).all()).toEqual([]);
    expect(t.emulator.canvases.size).toBe(0);
    await t.emulator.waitForCall("chat.postMessage", (c) =>
      String(c.args.text).includes("deleted the integration project"),
    );

    const status = await t.slack.command({ text: "status", channelId: CHANNEL });
    expect(text(status.body)).toContain("has no integration project yet");
  });

  it("a second click after deletion changes nothing and says so", async () => {
    await press("project_delete_confirm");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("Deleted"));
    await press("project_delete_confirm");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("no longer exists"));
  });
});
