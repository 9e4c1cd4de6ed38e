/**
 * `t.idle()` is what tests wait on instead of a Slack call or a sleep: it resolves when the app has done the
 * work a request started (listeners run on after their ack; the outbox runs what is due), and fails loudly,
 * naming what is still pending, when that does not happen in time.
 */
import { afterEach, describe, expect, it } from "vitest";
import { documents, projects } from "../../src/db/schema.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import { form, stateValues } from "./forms.js";
import { startTestApp, type TestApp } from "./harness.js";
import { createProjectThroughSlack, openedViewId } from "./projects.js";

describe("t.idle(): wait for the work, not for a call", () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it("waits for the work a listener does after its ack, up to Slack's answer being recorded", async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
    // The canvas is made after the ack, and Slack takes its time answering.
    t.emulator.failNext("canvases.create", { kind: "delay", ms: 300 });
    await t.slack.command({ text: "plan" });
    await t.idle();
    expect(t.db.select().from(documents).get()).toMatchObject({ kind: "plan", version: 1 });
  });

  it("runs outbox work that is due, and leaves work due later until the clock gets there", async () => {
    t = await startTestApp({ timing: { refreshDelayMs: 60_000 } });
    await createProjectThroughSlack(t);
    const projectId = t.db.select().from(projects).get()?.id ?? 0;
    await t.slack.command({ text: "status" });
    await t.idle();
    await t.slack.command({ text: "blocker Sandbox credentials" });
    await t.idle();
    expect(pendingJobs(t.db, projectId).map((j) => j.job)).toContain("refresh-status-board");

    t.advance(60_000);
    await t.idle();
    // What is left is the project's recurring reminders job, due later.
    expect(pendingJobs(t.db, projectId).map((j) => j.job)).toEqual(["reminders"]);
    expect(JSON.stringify(t.emulator.lastCall("chat.update")?.args.blocks)).toContain("Sandbox credentials");
  });

  it("fails loudly, saying what is still running, when the work does not finish in time", async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
    t.emulator.failNext("canvases.create", { kind: "delay", ms: 1_500 });
    await t.slack.command({ text: "plan" });
    await expect(t.idle(200)).rejects.toThrow(
      /still busy after \d+ ms: listeners running: \[command \/intplan plan\]/,
    );
    await t.idle();
  });

  it("fails loudly when a request sent to the app gets no answer in time", async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
    await t.slack.messageShortcut({
      callbackId: "log_as_blocker",
      message: { ts: "1700000000.000300", text: "The sandbox is down again", user: "U0DEV" },
      channelId: "C0PROJECT",
      userId: "U0DEV",
    });
    const open = await t.emulator.waitForCall(
      "views.open",
      (c) => (c.args.view as { callback_id?: string }).callback_id === "log_blocker",
    );
    // The modal's ack waits (up to a second) for the message's link, and Slack is slow to give it.
    t.emulator.failNext("chat.getPermalink", { kind: "delay", ms: 1_500 });
    const submitted = t.slack.viewSubmission({
      userId: "U0DEV",
      viewId: openedViewId(open),
      values: stateValues({ text: form.text("The sandbox is down again") }),
    });
    await expect(t.idle(200)).rejects.toThrow(/1 request\(s\) sent to the app got no answer within 200 ms/);
    expect((await submitted).status).toBe(200);
    await t.idle();
  });
});
