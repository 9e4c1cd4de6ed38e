import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { slackSignature } from "../../emulator/signed-client.js";
import { blockers, projects } from "../../src/db/schema.js";
import { startTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const FORM = "application/x-www-form-urlencoded";

/** A slash command body as Slack sends it. */
function commandBody(t: TestApp, text: string): string {
  return new URLSearchParams({
    token: "emulated-verification-token",
    team_id: t.emulator.teamId,
    channel_id: "C0PROJECT",
    channel_name: "c0project",
    user_id: "U0PM",
    user_name: "pm",
    command: "/intplan",
    text,
    api_app_id: t.emulator.appId,
    response_url: t.emulator.createResponseUrl(),
    trigger_id: t.emulator.issueTriggerId(),
  }).toString();
}

describe("only genuine, fresh, first-time requests from Slack change anything", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const blockerCount = () => t.db.select().from(blockers).all().length;

  it("rejects a request signed with the wrong secret", async () => {
    const body = commandBody(t, "blocker forged");
    const res = await t.slack.raw({
      body,
      contentType: FORM,
      signature: slackSignature("not-the-secret", Math.floor(Date.now() / 1000), body),
    });
    expect(res.status).toBe(401);
    expect(blockerCount()).toBe(0);
  });

  it("rejects a request with no signature at all", async () => {
    const res = await t.slack.raw({
      body: commandBody(t, "blocker unsigned"),
      contentType: FORM,
      signature: "",
    });
    expect(res.status).toBe(401);
    expect(blockerCount()).toBe(0);
  });

  it("rejects a correctly signed request older than five minutes", async () => {
    const res = await t.slack.raw({
      body: commandBody(t, "blocker stale"),
      contentType: FORM,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    expect(blockerCount()).toBe(0);
  });

  it("does the work of a replayed request once", async () => {
    const body = commandBody(t, "blocker Client VPN is down");
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await t.slack.raw({ body, contentType: FORM, timestamp });
    const replay = await t.slack.raw({ body, contentType: FORM, timestamp });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(blockerCount()).toBe(1);
  });

  it("refuses a body whose content type is not Slack's", async () => {
    const body = commandBody(t, "blocker wrong type");
    const res = await t.slack.raw({ body, contentType: "text/plain" });
    expect(res.status).not.toBe(200);
    expect(blockerCount()).toBe(0);
  });

  it("does an event Slack retries once", async () => {
    const event = {
      type: "app_home_opened",
      user: "U0PM",
      channel: "D0HOME",
      tab: "home",
      event_ts: "1700000000.000100",
    };
    await t.slack.event(event, { eventId: "Ev0RETRIED" } as never);
    await t.idle();
    await t.emulator.waitForCall("views.publish");
    await t.slack.event(event, { retryNum: 1, retryReason: "http_timeout", eventId: "Ev0RETRIED" } as never);
    await t.idle();
    expect(t.emulator.callsTo("views.publish")).toHaveLength(1);
  });

  it("never writes the bot token or the signing secret in its logs or in anything it sends", async () => {
    await t.slack.command({ text: "blocker Sandbox credentials missing", channelId: "C0PROJECT" });
    await t.slack.command({ text: "status", channelId: "C0PROJECT" });
    await t.slack.command({ text: "plan", channelId: "C0PROJECT" });
    await t.idle();
    await t.emulator.waitForCall("canvases.create");
    await t.slack.raw({ body: commandBody(t, "status"), contentType: FORM, signature: "v0=bad" });
    await t.idle();
    const everything = [
      ...t.logs,
      ...t.emulator.calls.map((c) => JSON.stringify(c.args)),
      ...t.emulator.responses.map((r) => JSON.stringify(r.body)),
    ].join("\n");
    expect(t.logs.length).toBeGreaterThan(10);
    expect(everything).not.toContain(TEST_BOT_TOKEN);
    expect(everything).not.toContain(TEST_SIGNING_SECRET);
    expect(t.db.select().from(projects).all()).toHaveLength(1);
  });
});
