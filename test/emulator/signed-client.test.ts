import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSignedClient, type SignedClient } from "../../emulator/signed-client.js";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { BOT_TOKEN, webClientFor } from "../../emulator/slack-emulator-test-client.js";

const SECRET = "signing-secret-for-tests";

interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in for the app: checks Slack's signature independently and records what arrived. */
async function startVerifyingServer() {
  const received: ReceivedRequest[] = [];
  const answer = { status: 200, body: "" };
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const timestamp = String(req.headers["x-slack-request-timestamp"]);
    const expected = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    const given = String(req.headers["x-slack-signature"]);
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
    const signed =
      given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!fresh || !signed) {
      res.writeHead(401).end();
      return;
    }
    received.push({ headers: req.headers, body });
    res.writeHead(answer.status).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return { url, received, answer, close: () => new Promise((resolve) => server.close(resolve)) };
}

let emulator: SlackEmulator;
let app: Awaited<ReturnType<typeof startVerifyingServer>>;
let slack: SignedClient;
beforeEach(async () => {
  emulator = await startSlackEmulator();
  app = await startVerifyingServer();
  slack = createSignedClient({ appUrl: app.url, signingSecret: SECRET, emulator });
});
afterEach(async () => {
  await app.close();
  await emulator.close();
});

const formOf = (request: ReceivedRequest | undefined) =>
  Object.fromEntries(new URLSearchParams(request?.body));
const payloadOf = (request: ReceivedRequest | undefined) => JSON.parse(formOf(request).payload ?? "null");
const plain = (text: string) => ({ type: "plain_text" as const, text });
const modal = {
  type: "modal" as const,
  callback_id: "new_project",
  private_metadata: "{}",
  title: plain("New project"),
  blocks: [{ type: "section" as const, text: plain("Client?") }],
};

describe("slash commands", () => {
  it("arrive as a signed form with a trigger id and a response URL from the emulator", async () => {
    const result = await slack.command({ text: "new Acme: Shopify to QuickBooks" });
    expect(result).toMatchObject({ status: 200, body: "", ms: expect.any(Number) });
    const [request] = app.received;
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(formOf(request)).toMatchObject({
      command: "/intplan",
      text: "new Acme: Shopify to QuickBooks",
      user_id: "U0PM",
      channel_id: "C0PROJECT",
      team_id: emulator.teamId,
      trigger_id: result.triggerId,
      response_url: result.responseUrl,
    });
    const opened = await webClientFor(emulator).views.open({
      trigger_id: result.triggerId as string,
      view: modal,
    });
    expect(opened.ok).toBe(true);
    expect(result.responseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/response\//);
  });

  it("return the app's JSON answer parsed, and text as text", async () => {
    app.answer.body = JSON.stringify({ response_type: "ephemeral", text: "Usage" });
    expect((await slack.command({ text: "help", userId: "U_DEV", channelId: "C_SHOP" })).body).toEqual({
      response_type: "ephemeral",
      text: "Usage",
    });
    app.answer.body = "plain words";
    expect((await slack.command({ text: "help" })).body).toBe("plain words");
  });
});

describe("interactions", () => {
  it("send a button click on a message the emulator holds, with the message and a response URL", async () => {
    const posted = await webClientFor(emulator).chat.postMessage({
      channel: "C_SHOP",
      text: "Task: map SKUs",
    });
    await slack.blockAction({
      actionId: "task_done",
      value: "42",
      userId: "U_DEV",
      channelId: "C_SHOP",
      messageTs: posted.ts,
    });
    const payload = payloadOf(app.received[0]);
    expect(app.received[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(payload).toMatchObject({
      type: "block_actions",
      user: { id: "U_DEV", team_id: emulator.teamId },
      team: { id: emulator.teamId },
      api_app_id: emulator.appId,
      container: { type: "message", message_ts: posted.ts, channel_id: "C_SHOP" },
      message: { ts: posted.ts, text: "Task: map SKUs" },
      actions: [{ action_id: "task_done", value: "42", type: "button" }],
      trigger_id: expect.any(String),
      response_url: expect.stringContaining("/response/"),
    });
  });

  it("send a view submission carrying the open view and the typed values", async () => {
    const opened = await webClientFor(emulator).views.open({
      trigger_id: emulator.issueTriggerId(),
      view: modal,
    });
    const values = { client: { value: { type: "plain_text_input", value: "Acme" } } };
    await slack.viewSubmission({
      viewId: opened.view?.id,
      userId: "U_PM",
      values,
      privateMetadata: '{"step":2}',
    });
    expect(payloadOf(app.received[0])).toMatchObject({
      type: "view_submission",
      trigger_id: expect.any(String),
      view: {
        id: opened.view?.id,
        callback_id: "new_project",
        private_metadata: '{"step":2}',
        blocks: modal.blocks,
        hash: opened.view?.hash,
        state: { values },
      },
    });
  });

  it("send view_closed without a trigger id, and message shortcuts with the message", async () => {
    await slack.viewClosed({ callbackId: "interview", userId: "U_PM", values: {}, isCleared: true });
    await slack.messageShortcut({
      callbackId: "log_blocker",
      message: { ts: "1700000000.000100", text: "API down", user: "U_DEV" },
      channelId: "C_SHOP",
      userId: "U_PM",
    });
    const [closed, shortcut] = app.received.map(payloadOf);
    expect(closed).toMatchObject({
      type: "view_closed",
      is_cleared: true,
      view: { callback_id: "interview" },
    });
    expect(closed.trigger_id).toBeUndefined();
    expect(shortcut).toMatchObject({
      type: "message_action",
      callback_id: "log_blocker",
      message_ts: "1700000000.000100",
      message: { type: "message", text: "API down", user: "U_DEV" },
      channel: { id: "C_SHOP" },
      response_url: expect.stringContaining("/response/"),
    });
  });
});

describe("events", () => {
  it("arrive as signed JSON, with retry headers and the same event id when retried", async () => {
    await slack.event({ type: "app_home_opened", user: "U_PM", tab: "home" }, { eventId: "Ev1" });
    await slack.event(
      { type: "app_home_opened", user: "U_PM", tab: "home" },
      { eventId: "Ev1", retryNum: 1, retryReason: "http_timeout" },
    );
    const [first, retry] = app.received;
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(first?.body ?? "")).toMatchObject({
      type: "event_callback",
      event_id: "Ev1",
      team_id: emulator.teamId,
      event: { type: "app_home_opened", user: "U_PM" },
    });
    expect(retry?.headers).toMatchObject({
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    expect(JSON.parse(retry?.body ?? "").event_id).toBe("Ev1");
  });
});

describe("raw requests for hardening tests", () => {
  it("are signed correctly unless told otherwise", async () => {
    const form = { body: "text=hi", contentType: "application/x-www-form-urlencoded" };
    expect((await slack.raw(form)).status).toBe(200);
    expect((await slack.raw({ ...form, signature: "v0=deadbeef" })).status).toBe(401);
    expect((await slack.raw({ ...form, timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
  });
});

describe("with a real Bolt app", () => {
  let bolt: App;
  afterEach(async () => {
    await bolt.stop();
  });

  it("passes Bolt's signature and content-type checks, and the app's views.open reaches the emulator", async () => {
    bolt = new App({
      signingSecret: SECRET,
      token: BOT_TOKEN,
      botId: emulator.botId,
      botUserId: emulator.botUserId,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: emulator.apiUrl, retryConfig: { retries: 0 } },
    });
    bolt.command("/intplan", async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: modal });
    });
    const server = (await bolt.start(0)) as Server;
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    const boltClient = createSignedClient({ appUrl, signingSecret: SECRET, emulator });
    const result = await boltClient.command({ text: "new" });
    expect(result.status).toBe(200);
    const opened = await emulator.waitForCall("views.open");
    expect(opened).toMatchObject({ args: { trigger_id: result.triggerId }, answer: { ok: true } });
    const forged = createSignedClient({ appUrl, signingSecret: "not-the-secret", emulator });
    expect((await forged.command({ text: "new" })).status).toBe(401);
  });
});
