import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockers } from "../../src/db/schema.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/**
 * Bodies Slack never sends, correctly signed: someone holding the signing secret, or a broken proxy.
 * Each is answered 400 at once (not left to Bolt's 3-second timer, not a crash), changes nothing, and
 * the app goes on answering people.
 */
const ABSURD: Array<{ name: string; contentType: string; body: string }> = [
  { name: "payload=null", contentType: FORM, body: "payload=null" },
  {
    name: "a payload that is a JSON string",
    contentType: FORM,
    body: `payload=${encodeURIComponent('"hi"')}`,
  },
  { name: "a payload that is a number", contentType: FORM, body: "payload=42" },
  { name: "a payload that is true", contentType: FORM, body: "payload=true" },
  { name: "a payload that is an array", contentType: FORM, body: `payload=${encodeURIComponent("[{}]")}` },
  { name: "an events body that is null", contentType: JSON_TYPE, body: "null" },
  { name: "an events body that is a string", contentType: JSON_TYPE, body: '"event_callback"' },
  { name: "an events body that is a number", contentType: JSON_TYPE, body: " 7 " },
  { name: "an events body that is an array", contentType: JSON_TYPE, body: '[{"type":"event_callback"}]' },
  { name: "a payload without a type", contentType: FORM, body: `payload=${encodeURIComponent("{}")}` },
  { name: "an events body without a type", contentType: JSON_TYPE, body: '{"event":{}}' },
  { name: "an event_callback without an event", contentType: JSON_TYPE, body: '{"type":"event_callback"}' },
  {
    name: "an event_callback whose event is null",
    contentType: JSON_TYPE,
    body: '{"type":"event_callback","event":null}',
  },
];

describe("correctly signed bodies that are not a JSON object", () => {
  let t: TestApp;
  const blockerCount = () => t.db.select().from(blockers).all().length;

  beforeAll(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(ABSURD)("$name is answered 400 straight away", async ({ contentType, body }) => {
    const res = await t.slack.raw({ body, contentType });
    expect(res.status).toBe(400);
    // Far below Bolt's 3-second unhandled-request timer, which is what a request left hanging gets.
    expect(res.ms).toBeLessThan(2500);
    expect(t.logs.some((line) => line.includes("A correctly signed request whose body"))).toBe(true);
  });

  it("the same bodies without a valid signature are still refused as unsigned", async () => {
    for (const { contentType, body } of ABSURD) {
      const res = await t.slack.raw({ body, contentType, signature: "v0=0000" });
      expect(res.status).toBe(401);
    }
  });

  it("malformed JSON is still Bolt's 400, and a slash command form still works", async () => {
    expect((await t.slack.raw({ body: "payload=%7Bnot json", contentType: FORM })).status).toBe(400);
    expect((await t.slack.raw({ body: "{not json", contentType: JSON_TYPE })).status).toBe(400);
  });

  it("afterwards the app is healthy and does what people ask", async () => {
    for (const { contentType, body } of ABSURD) await t.slack.raw({ body, contentType });
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    const before = blockerCount();
    const res = await t.slack.command({ text: "blocker Client VPN is down", channelId: "C0PROJECT" });
    expect(res.status).toBe(200);
    expect(blockerCount()).toBe(before + 1);
  });
});
