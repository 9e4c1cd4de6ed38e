/**
 * A team logging blockers faster than Slack lets an app post in one channel (about one message a second,
 * https://docs.slack.dev/apis/web-api/rate-limits): every blocker is saved, every person hears of theirs (in the
 * channel, or privately when Slack keeps refusing), and a modal opened meanwhile in another channel is not
 * held up behind the 429s: listeners' calls never pause a shared queue.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { blockers } from "../../src/db/schema.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const BUSY = "C0BUSY";
const OTHER = "C0OTHER";

describe("announcements under Slack's posting limit", () => {
  let t: TestApp;
  let emulator: SlackEmulator;
  afterEach(async () => {
    await t.close();
    await emulator.close();
  });

  it("eight blockers logged at once in one channel: all saved, each person told, and another channel's modal opens", async () => {
    emulator = await startSlackEmulator({ rateLimits: "slack" });
    t = await startTestApp({ emulator });
    await createProjectThroughSlack(t, { channelId: BUSY });
    await t.idle();

    const people = Array.from({ length: 8 }, (_, i) => `U0DEV${i}`);
    const sent = people.map((userId, i) =>
      t.slack.command({ text: `blocker Waiting on credential ${i + 1}`, userId, channelId: BUSY }),
    );
    // While the channel is over its posting budget, someone starts a project elsewhere.
    const other = await t.slack.command({ text: "new", userId: "U0PM2", channelId: OTHER });
    const opened = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === other.triggerId);
    expect(opened.answer?.ok).toBe(true);

    const answers = await Promise.all(sent);
    for (const answer of answers) expect(answer.status).toBe(200);
    await t.idle(60_000);

    expect(t.db.select().from(blockers).all()).toHaveLength(8);
    expect(emulator.rateLimited.some((call) => call.method === "chat.postMessage")).toBe(true);
    // Each person's blocker was announced in the channel, or they were told privately why not.
    for (const [i, userId] of people.entries()) {
      const text = `Waiting on credential ${i + 1}`;
      const announced = t.emulator
        .callsTo("chat.postMessage")
        .some(
          (c) => c.args.channel === BUSY && c.answer?.ok === true && JSON.stringify(c.args).includes(text),
        );
      const told = t.emulator.responses.some(
        (r) =>
          JSON.stringify(r.body).includes(text) &&
          JSON.stringify(r.body).includes("Slack is limiting how fast I can post"),
      );
      expect(announced || told, `${userId} heard of their blocker`).toBe(true);
    }
  });
});
