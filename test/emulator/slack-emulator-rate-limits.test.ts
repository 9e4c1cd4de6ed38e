import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { createRateLimiter } from "../../emulator/slack-emulator-rate-limits.js";

/** A clock the test moves by hand: the emulator's rate limits see only this time. */
function manualClock(start = Date.UTC(2026, 11, 1, 9, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** One raw Web API call, so the test sees Slack's HTTP status and headers (WebClient would retry a 429). */
async function call(emulator: SlackEmulator, method: string, args: Record<string, string>) {
  const res = await fetch(`${emulator.apiUrl}${method}`, {
    method: "POST",
    headers: { authorization: "Bearer xoxb-rate-test", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(args).toString(),
  });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body };
}

const canvas = (n: number) => ({
  title: `Plan ${n}`,
  document_content: JSON.stringify({ type: "markdown", markdown: `# Plan ${n}` }),
});

describe("the emulator's rate limits, as Slack's tiers", () => {
  let emulator: SlackEmulator;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    clock = manualClock();
    emulator = await startSlackEmulator({ now: clock.now, rateLimits: "slack" });
  });
  afterEach(() => emulator.close());

  it("refuses the 21st canvases.create in a minute with 429, Retry-After and ratelimited, then accepts it after the wait", async () => {
    for (let n = 1; n <= 20; n++) {
      expect((await call(emulator, "canvases.create", canvas(n))).body).toMatchObject({ ok: true });
      clock.advance(1000);
    }
    // 20 calls at 0 s, 1 s, … 19 s; at 20 s the first is still inside the minute: it leaves at 60 s.
    const refused = await call(emulator, "canvases.create", canvas(21));
    expect(refused).toEqual({ status: 429, retryAfter: "40", body: { ok: false, error: "ratelimited" } });
    expect(emulator.rateLimited).toHaveLength(1);
    expect(emulator.rateLimited[0]).toMatchObject({
      method: "canvases.create",
      rateLimited: { scope: "workspace", retryAfterSeconds: 40 },
    });
    expect(emulator.canvases.size).toBe(20);

    clock.advance(39_000);
    expect((await call(emulator, "canvases.create", canvas(21))).status).toBe(429);
    clock.advance(1000);
    expect((await call(emulator, "canvases.create", canvas(21))).body).toMatchObject({ ok: true });
    expect(emulator.canvases.size).toBe(21);
  });

  it("budgets chat.postMessage per channel: a busy channel is refused while another still posts", async () => {
    const post = (channel: string) => call(emulator, "chat.postMessage", { channel, text: "Update" });
    for (let n = 0; n < 3; n++) expect((await post("C_BUSY")).status).toBe(200);
    const refused = await post("C_BUSY");
    expect(refused).toMatchObject({ status: 429, retryAfter: "3", body: { error: "ratelimited" } });
    expect(emulator.rateLimited[0]?.rateLimited).toEqual({ scope: "channel C_BUSY", retryAfterSeconds: 3 });
    expect((await post("C_QUIET")).status).toBe(200);

    clock.advance(3000);
    expect((await post("C_BUSY")).status).toBe(200);
    expect(emulator.messages.get("C_BUSY")).toHaveLength(4);
    expect(emulator.messages.get("C_QUIET")).toHaveLength(1);
  });

  it("keeps each method's budget apart: Tier 2 pins.add running out does not stop Tier 4 views or chat.update", async () => {
    const posted = await call(emulator, "chat.postMessage", { channel: "C_ONE", text: "Board" });
    const ts = String(posted.body.ts);
    for (let n = 0; n < 20; n++) await call(emulator, "pins.add", { channel: `C_${n}`, timestamp: ts });
    expect((await call(emulator, "pins.add", { channel: "C_ONE", timestamp: ts })).status).toBe(429);
    expect((await call(emulator, "chat.update", { channel: "C_ONE", ts, text: "Board v2" })).status).toBe(
      200,
    );
    expect((await call(emulator, "users.info", { user: "U_PM" })).status).toBe(200);
  });

  it("can be switched off, and then refuses nothing", async () => {
    emulator.setRateLimits("off");
    for (let n = 0; n < 30; n++) {
      expect((await call(emulator, "chat.postMessage", { channel: "C_X", text: `m${n}` })).status).toBe(200);
    }
    expect(emulator.rateLimited).toEqual([]);
  });
});

describe("the sliding window itself", () => {
  it("counts only accepted calls and rounds Retry-After up to whole seconds", () => {
    const limiter = createRateLimiter({
      "x.y": { tier: "test", perWorkspace: { limit: 2, windowMs: 1500 } },
    });
    const take = (at: number) => limiter.take({ method: "x.y", workspace: "T" }, at);
    expect(take(0)).toBeUndefined();
    expect(take(100)).toBeUndefined();
    expect(take(200)).toEqual({ scope: "workspace", retryAfterSeconds: 2 });
    expect(take(1400)).toEqual({ scope: "workspace", retryAfterSeconds: 1 });
    expect(take(1500)).toBeUndefined();
    expect(limiter.take({ method: "x.y", workspace: "T_OTHER" }, 1500)).toBeUndefined();
    expect(limiter.take({ method: "other.method", workspace: "T" }, 1500)).toBeUndefined();
  });

  it("is off by default", () => {
    const limiter = createRateLimiter();
    for (let n = 0; n < 500; n++)
      expect(limiter.take({ method: "pins.add", workspace: "T" }, 0)).toBeUndefined();
  });
});
