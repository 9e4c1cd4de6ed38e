import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { BOT_TOKEN, slackErrorOf, webClientFor } from "../../emulator/slack-emulator-test-client.js";

let emulator: SlackEmulator;
beforeEach(async () => {
  emulator = await startSlackEmulator({ teamId: "T_AGENCY", botUserId: "U_BOT" });
});
afterEach(() => emulator.close());

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

describe("the emulated workspace", () => {
  it("tells the app who its bot is", async () => {
    const answer = await webClientFor(emulator).auth.test();
    expect(answer).toMatchObject({ ok: true, team_id: "T_AGENCY", user_id: "U_BOT", bot_id: emulator.botId });
    expect(emulator.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it("keeps posted messages per channel with unique, increasing timestamps", async () => {
    const client = webClientFor(emulator);
    const first = await client.chat.postMessage({
      channel: "C_SHOP",
      text: "Kickoff",
      blocks: [section("Kickoff")],
    });
    const second = await client.chat.postMessage({ channel: "C_SHOP", text: "Status" });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(emulator.messages.get("C_SHOP")?.map((m) => m.text)).toEqual(["Kickoff", "Status"]);
    expect(emulator.messages.get("C_SHOP")?.[0]?.blocks).toEqual([section("Kickoff")]);
    expect(first.message).toMatchObject({ text: "Kickoff", user: "U_BOT", ts: first.ts });
  });

  it("updates, links and pins a posted message, and knows the ones it never saw", async () => {
    const client = webClientFor(emulator);
    const { ts } = await client.chat.postMessage({ channel: "C_SHOP", text: "Board v1" });
    await client.chat.update({ channel: "C_SHOP", ts: ts as string, text: "Board v2" });
    expect(emulator.messages.get("C_SHOP")?.[0]).toMatchObject({ ts, text: "Board v2" });
    const link = await client.chat.getPermalink({ channel: "C_SHOP", message_ts: ts as string });
    expect(link.permalink).toContain("/archives/C_SHOP/p");
    await client.pins.add({ channel: "C_SHOP", timestamp: ts as string });
    expect(await slackErrorOf(client.pins.add({ channel: "C_SHOP", timestamp: ts as string }))).toBe(
      "already_pinned",
    );
    expect(await slackErrorOf(client.chat.update({ channel: "C_SHOP", ts: "1.000001", text: "x" }))).toBe(
      "message_not_found",
    );
  });

  it("records ephemeral messages for the user who sees them", async () => {
    await webClientFor(emulator).chat.postEphemeral({ channel: "C_SHOP", user: "U_PM", text: "Only you" });
    expect(emulator.ephemeralMessages).toMatchObject([{ channel: "C_SHOP", user: "U_PM", text: "Only you" }]);
  });

  it("refuses a message that breaks Block Kit limits, as Slack does, and records the rejection", async () => {
    const client = webClientFor(emulator);
    const blocks = [{ type: "header", text: { type: "plain_text", text: "x".repeat(151) } }];
    const error = await client.chat.postMessage({ channel: "C_SHOP", text: "t", blocks }).catch((e) => e);
    expect(error.data).toMatchObject({
      error: "invalid_blocks",
      response_metadata: { messages: ["[ERROR] blocks[0].text.text: 151 characters (max 150)"] },
    });
    expect(emulator.rejections).toMatchObject([{ method: "chat.postMessage", error: "invalid_blocks" }]);
    expect(emulator.messages.get("C_SHOP")).toBeUndefined();
  });

  it("describes channels and users, with overrides a test can set", async () => {
    emulator.users.set("U_PM", {
      id: "U_PM",
      name: "pat",
      real_name: "Pat Lee",
      tz: "Europe/Berlin",
      is_bot: false,
      profile: { display_name: "pat", real_name: "Pat Lee" },
    });
    const client = webClientFor(emulator);
    expect((await client.users.info({ user: "U_PM" })).user).toMatchObject({ real_name: "Pat Lee" });
    expect((await client.conversations.info({ channel: "C_SHOP" })).channel).toMatchObject({ id: "C_SHOP" });
  });

  it("answers a deactivated user with deleted: true, and an id that is no user with user_not_found", async () => {
    emulator.users.set("U_GONE", {
      id: "U_GONE",
      name: "sam",
      real_name: "Sam Former",
      tz: "UTC",
      is_bot: false,
      deleted: true,
      profile: { display_name: "sam", real_name: "Sam Former" },
    });
    emulator.unknownUsers.add("U_NOBODY");
    const client = webClientFor(emulator);
    expect((await client.users.info({ user: "U_GONE" })).user).toMatchObject({ deleted: true });
    expect(await slackErrorOf(client.users.info({ user: "U_NOBODY" }))).toBe("user_not_found");
    expect(await slackErrorOf(client.users.info({ user: "not-a-user" }))).toBe("user_not_found");
  });
});

describe("requests", () => {
  it("records each call with decoded arguments and the token", async () => {
    await webClientFor(emulator).chat.postMessage({ channel: "C_SHOP", text: "Hi", blocks: [section("Hi")] });
    expect(emulator.lastCall("chat.postMessage")).toMatchObject({
      token: BOT_TOKEN,
      args: { channel: "C_SHOP", text: "Hi", blocks: [section("Hi")] },
      answer: { ok: true },
    });
    expect(emulator.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("answers not_authed without a token and invalid_auth for a non-bot token", async () => {
    expect(await slackErrorOf(webClientFor(emulator, {}, "").auth.test())).toBe("not_authed");
    expect(await slackErrorOf(webClientFor(emulator, {}, "xoxp-user").auth.test())).toBe("invalid_auth");
  });

  it("answers unknown_method for a method it does not know", async () => {
    expect(await slackErrorOf(webClientFor(emulator).apiCall("chat.scheduleMessage", {}))).toBe(
      "unknown_method",
    );
  });

  it("waits for a call that arrives later, and times out naming the calls it saw", async () => {
    const waiting = emulator.waitForCall("chat.postMessage", (call) => call.args.text === "Later");
    await webClientFor(emulator).chat.postMessage({ channel: "C_SHOP", text: "Later" });
    expect((await waiting).args.channel).toBe("C_SHOP");
    await expect(emulator.waitForCall("views.open", undefined, 30)).rejects.toThrow(
      "No matching views.open call within 30 ms; calls: chat.postMessage",
    );
  });

  it("forgets recorded calls and pending faults on reset, keeping the workspace", async () => {
    const client = webClientFor(emulator);
    await client.chat.postMessage({ channel: "C_SHOP", text: "Kept" });
    emulator.failNext("auth.test", { kind: "error", error: "fatal_error" });
    emulator.reset();
    await client.auth.test();
    expect(emulator.calls.map((c) => c.method)).toEqual(["auth.test"]);
    expect(emulator.messages.get("C_SHOP")).toHaveLength(1);
  });
});

describe("fault injection", () => {
  it("rate limits with Retry-After, and the WebClient retries to success", async () => {
    emulator.failNext("chat.postMessage", { kind: "http", status: 429, retryAfter: 0 });
    const client = webClientFor(emulator, { retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 1 } });
    const answer = await client.chat.postMessage({ channel: "C_SHOP", text: "Eventually" });
    expect(answer.ok).toBe(true);
    expect(emulator.callsTo("chat.postMessage").map((c) => c.fault?.kind)).toEqual(["http", undefined]);
    expect(emulator.messages.get("C_SHOP")).toHaveLength(1);
  });

  it("sends the Retry-After seconds a rate-limited client reports", async () => {
    emulator.failNext("chat.postMessage", { kind: "http", status: 429, retryAfter: 7 });
    const client = webClientFor(emulator, { rejectRateLimitedCalls: true });
    const error = await client.chat.postMessage({ channel: "C_SHOP", text: "Now" }).catch((e) => e);
    expect(error).toMatchObject({ code: "slack_webapi_rate_limited_error", retryAfter: 7 });
  });

  it("answers server errors, ok:false errors and dropped connections, then recovers", async () => {
    const client = webClientFor(emulator);
    emulator.failNext("auth.test", { kind: "http", status: 503 });
    emulator.failNext("auth.test", { kind: "error", error: "team_is_restricted" });
    emulator.failNext("auth.test", { kind: "reset" });
    expect(await slackErrorOf(client.auth.test())).toMatchObject({
      code: "slack_webapi_http_error",
      statusCode: 503,
    });
    expect(await slackErrorOf(client.auth.test())).toBe("team_is_restricted");
    expect(await slackErrorOf(client.auth.test())).toMatchObject({ code: "slack_webapi_request_error" });
    expect((await client.auth.test()).ok).toBe(true);
  });

  it("fails the given number of times, and delays an answer", async () => {
    const client = webClientFor(emulator);
    emulator.failNext("auth.test", { kind: "error", error: "ratelimited" }, 2);
    emulator.failNext("auth.test", { kind: "delay", ms: 60 });
    expect(await slackErrorOf(client.auth.test())).toBe("ratelimited");
    expect(await slackErrorOf(client.auth.test())).toBe("ratelimited");
    const started = Date.now();
    expect((await client.auth.test()).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});
