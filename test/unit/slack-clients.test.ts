/**
 * The background Slack client: Slack's per-method budgets, Retry-After honoured for the method across every
 * job, and a 429 that throws at once instead of pausing a queue.
 */
import { WebAPIPlatformError } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { createLogger } from "../../src/logger.js";
import {
  createBackgroundClient,
  createRateGate,
  rateLimitDelayMs,
  SlackDeferredError,
} from "../../src/slack/clients.js";

const T0 = new Date("2026-11-22T10:00:00Z");

describe("the rate gate", () => {
  let now: Date;
  beforeEach(() => {
    now = T0;
  });
  const clock = () => now;
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const deferral = (call: () => void): SlackDeferredError | undefined => {
    try {
      call();
      return undefined;
    } catch (error) {
      if (error instanceof SlackDeferredError) return error;
      throw error;
    }
  };

  it("lets 40 board edits a minute through and puts the 41st off until the first leaves the window", () => {
    const gate = createRateGate(clock);
    for (let i = 0; i < 40; i++) {
      gate.admit("chat.update", `C${i}`);
      advance(1000);
    }
    const put = deferral(() => gate.admit("chat.update", "C99"));
    expect(put?.retryAfterMs).toBe(20_000);
    advance(20_000);
    expect(deferral(() => gate.admit("chat.update", "C99"))).toBeUndefined();
  });

  it("keeps canvas creation inside Tier 2, and messages to about one a second per channel", () => {
    const gate = createRateGate(clock);
    for (let i = 0; i < 16; i++) gate.admit("canvases.create");
    expect(deferral(() => gate.admit("canvases.create"))?.retryAfterMs).toBe(60_000);
    expect(deferral(() => gate.admit("pins.add"))).toBeUndefined();

    gate.admit("chat.postMessage", "C1");
    expect(deferral(() => gate.admit("chat.postMessage", "C1"))?.retryAfterMs).toBe(1000);
    expect(deferral(() => gate.admit("chat.postMessage", "C2"))).toBeUndefined();
  });

  it("holds every call to a method Slack rate-limited until its Retry-After, and only that method", () => {
    const gate = createRateGate(clock);
    gate.pause("canvases.edit", 6000);
    advance(2000);
    expect(deferral(() => gate.admit("canvases.edit"))?.retryAfterMs).toBe(4000);
    expect(deferral(() => gate.admit("chat.update", "C1"))).toBeUndefined();
    expect(gate.pausedUntil("canvases.edit")).toEqual(new Date(T0.getTime() + 6000));
    advance(4000);
    expect(deferral(() => gate.admit("canvases.edit"))).toBeUndefined();
    expect(gate.pausedUntil("canvases.edit")).toBeUndefined();
  });

  it("reads how long to wait from Slack's rate-limit errors and nothing else", () => {
    expect(rateLimitDelayMs({ code: "slack_webapi_rate_limited_error", retryAfter: 6 })).toBe(6000);
    expect(rateLimitDelayMs(new WebAPIPlatformError({ ok: false, error: "ratelimited" }))).toBe(30_000);
    expect(rateLimitDelayMs(new SlackDeferredError("pins.add", 1234, "over budget"))).toBe(1234);
    expect(
      rateLimitDelayMs(new WebAPIPlatformError({ ok: false, error: "canvas_editing_failed" })),
    ).toBeUndefined();
    expect(rateLimitDelayMs(new Error("socket hang up"))).toBeUndefined();
  });
});

describe("the background client, against the emulator", () => {
  let emulator: SlackEmulator;
  let now: Date;
  beforeEach(async () => {
    emulator = await startSlackEmulator();
    now = T0;
  });
  afterEach(async () => {
    await emulator.close();
  });
  const background = () =>
    createBackgroundClient({
      token: "xoxb-test",
      slackApiUrl: emulator.apiUrl,
      logger: createLogger({ level: "error", secrets: [], write: () => {} }),
      timeoutMs: 5000,
      clock: () => now,
    });

  it("a 429 throws at once with Retry-After; the method is not called again before it, other methods are", async () => {
    const { client } = background();
    emulator.failNext("chat.update", { kind: "http", status: 429, retryAfter: 6 });
    const started = Date.now();
    const error = await client.chat.update({ channel: "C1", ts: "1.0", text: "x" }).catch((e: unknown) => e);
    // No pause inside the client: Slack's wait is the caller's to schedule.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(rateLimitDelayMs(error)).toBe(6000);

    const again = await client.chat.update({ channel: "C2", ts: "1.0", text: "y" }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SlackDeferredError);
    expect(emulator.callsTo("chat.update")).toHaveLength(1);
    await expect(client.chat.postMessage({ channel: "C2", text: "hello" })).resolves.toMatchObject({
      ok: true,
    });

    now = new Date(T0.getTime() + 6000);
    const posted = await client.chat.postMessage({ channel: "C1", text: "board" });
    await expect(
      client.chat.update({ channel: "C1", ts: String(posted.ts), text: "z" }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });
});
