/**
 * Slack misbehaving: rate limits, server errors, dropped connections, hangs, and refusals. The change a
 * person asked for is committed before any Slack call and is never lost; transient failures are retried
 * without holding the 3-second acknowledgement; permanent ones fall back and the person is told why.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Fault } from "../../emulator/slack-emulator.js";
import { blockers, phases } from "../../src/db/schema.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

describe("when Slack fails, nothing is lost and people are told", () => {
  let t: TestApp;
  beforeEach(async () => {
    // Background retries are due at once (no backoff), so `t.idle()` sees every attempt through.
    t = await startTestApp({
      timing: { slackTimeoutMs: 400, outboxRetryBaseMs: 0, outboxMaxAttempts: 3 },
    });
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    t.emulator.reset();
  });
  afterEach(async () => {
    await t.close();
  });

  /** The channel announcement holding `fragment`, once the app has done all it set out to. */
  const announced = async (fragment: string) => {
    await t.idle();
    return t.emulator.waitForCall(
      "chat.postMessage",
      (c) => c.args.channel === CHANNEL && c.answer?.ok === true && String(c.args.text).includes(fragment),
    );
  };
  const storedBlockers = () => t.db.select().from(blockers).all();

  it("rate limited (429, Retry-After 1 s): the blocker is saved at once and announced after the wait", async () => {
    t.emulator.failNext("chat.postMessage", { kind: "http", status: 429, retryAfter: 1 });
    const res = await t.slack.command({ text: "blocker Waiting on the client's API keys" });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1_000);
    expect(storedBlockers().map((b) => b.text)).toEqual(["Waiting on the client's API keys"]);
    const posted = await announced("Waiting on the client's API keys");
    const limited = t.emulator.callsTo("chat.postMessage")[0];
    expect(limited?.fault).toMatchObject({ status: 429 });
    expect(posted.at - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  const transient: [string, Fault][] = [
    ["a 500", { kind: "http", status: 500 }],
    ["a 503", { kind: "http", status: 503 }],
    ["a dropped connection", { kind: "reset" }],
    ["a call that hangs past the timeout", { kind: "delay", ms: 1_500 }],
  ];

  it.each(transient)("%s on the announcement: retried, and the phase change goes out", async (_, fault) => {
    t.emulator.failNext("chat.postMessage", fault);
    const res = await t.slack.command({ text: "phase 1 in-progress" });
    expect(res.ms).toBeLessThan(1_000);
    const phase1 = t.db
      .select()
      .from(phases)
      .all()
      .find((p) => p.number === 1);
    expect(phase1?.status).toBe("in-progress");
    await announced("Discovery");
    expect(t.emulator.callsTo("chat.postMessage").length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["not_in_channel", /Invite me with `\/invite @intplan`/],
    ["channel_not_found", /Invite me with `\/invite @intplan`/],
    ["is_archived", /archived/],
    ["invalid_arguments", /Slack did not accept my message/],
  ])(
    "Slack answers %s: the blocker is kept, and the person gets the message as an ephemeral reply",
    async (error, says) => {
      t.emulator.failNext("chat.postMessage", { kind: "error", error });
      const res = await t.slack.command({ text: "blocker Sandbox is down" });
      expect(res.ms).toBeLessThan(1_000);
      expect(storedBlockers()).toHaveLength(1);
      await t.idle();
      const reply = await t.emulator.waitForResponse((r) => r.url === res.responseUrl);
      expect(reply.body).toMatchObject({ response_type: "ephemeral" });
      expect(String(reply.body.text)).toMatch(says);
      expect(String(reply.body.text)).toContain("Sandbox is down");
      // A refusal is not retried, and nobody is sent a DM when a reply will do.
      expect(t.emulator.callsTo("chat.postMessage")).toHaveLength(1);
    },
  );

  it("Slack fails three times in a row: the person hears the change is saved", async () => {
    t.emulator.failNext("chat.postMessage", { kind: "http", status: 500 }, 3);
    const res = await t.slack.command({ text: "blocker Certificate expired" });
    await t.idle();
    const reply = await t.emulator.waitForResponse((r) => r.url === res.responseUrl);
    expect(String(reply.body.text)).toMatch(/did not accept my message.*The change is saved/);
    expect(storedBlockers()).toHaveLength(1);
  });

  it("canvas creation fails once with a 500: retried, and the plan canvas is made", async () => {
    t.emulator.failNext("canvases.create", { kind: "http", status: 500 });
    const res = await t.slack.command({ text: "plan" });
    expect(res.ms).toBeLessThan(1_000);
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    expect(t.emulator.canvases.get(String(created.answer?.canvas_id))?.markdown).toContain(
      "# IMPLEMENTATION PLAN",
    );
  });

  it("the plan canvas cannot be refreshed for a while: the outbox retries until Slack takes the edit", async () => {
    await t.slack.command({ text: "plan" });
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    const canvasId = String(created.answer?.canvas_id);
    // Every try of the first refresh attempt fails (the client's own retries included); the second succeeds.
    t.emulator.failNext("canvases.edit", { kind: "http", status: 502 }, 3);
    await t.slack.command({ text: "blocker Waiting on webhooks" });
    await t.idle();
    await t.emulator.waitForCall("canvases.edit", (c) => c.answer?.ok === true);
    expect(t.emulator.canvases.get(canvasId)?.markdown).toContain("Waiting on webhooks");
  });

  it("the plan canvas cannot be refreshed at all: after the last try the channel is told, and the data is safe", async () => {
    await t.slack.command({ text: "plan" });
    await t.idle();
    await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    t.emulator.failNext("canvases.edit", { kind: "error", error: "canvas_editing_failed" }, 100);
    await t.slack.command({ text: "blocker Nobody can edit canvases" });
    const note = await announced("could not update the Implementation Plan canvas after several tries");
    expect(String(note.args.text)).toContain("canvas_editing_failed");
    expect(String(note.args.text)).toContain("Every change is saved");
    expect(storedBlockers().map((b) => b.text)).toEqual(["Nobody can edit canvases"]);
  });
});
