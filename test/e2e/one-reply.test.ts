import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, blockers } from "../../src/db/schema.js";
import { USAGES } from "../../src/slack/command-grammar.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { privateReplies } from "../support/replies.js";

/**
 * One reply per action, and a question back instead of a wrong guess: what a person typing /intplan
 * actually sees, counted (the emulator posts every response to a command's response_url as a new
 * message, as Slack does, so a "Generating…" followed by the result would count as two).
 */

const CHANNEL = "C0PROJECT";

describe("each /intplan command answers once, and asks when it cannot tell what was meant", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  });
  afterEach(async () => {
    await t.close();
  });

  const run = (text: string, userId = "U0PM") => t.slack.command({ text, channelId: CHANNEL, userId });
  const channelPostsSince = (count: number) => (t.emulator.messages.get(CHANNEL) ?? []).slice(count);
  const channelCount = () => (t.emulator.messages.get(CHANNEL) ?? []).length;

  it("/intplan plan: the channel hears of the new version once, and the person gets no private echo", async () => {
    const before = channelCount();
    const first = await run("plan");
    await t.idle();
    expect(privateReplies(t, first)).toEqual([]);
    expect(channelPostsSince(before).map((m) => m.text)).toEqual([
      expect.stringMatching(/<@U0PM> published the <https:\S+\|Implementation Plan>, version 1/),
    ]);

    const afterFirst = channelCount();
    const second = await run("plan");
    await t.idle();
    expect(privateReplies(t, second)).toHaveLength(1);
    expect(privateReplies(t, second)[0]).toContain("already up to date");
    expect(channelPostsSince(afterFirst)).toEqual([]);
  });

  it("/intplan blocker logs a blocker with one message in the channel and nothing privately", async () => {
    const before = channelCount();
    const res = await run("blocker Sandbox credentials missing");
    await t.idle();
    expect(privateReplies(t, res)).toEqual([]);
    expect(channelPostsSince(before)).toHaveLength(1);
  });

  it.each(["list", "show", "ls", "all", "help", "show 1"])(
    "`/intplan blocker %s` asks whether /intplan blockers was meant, and logs nothing",
    async (words) => {
      const before = channelCount();
      const res = await run(`blocker ${words}`);
      await t.idle();
      const replies = privateReplies(t, res);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain("Did you mean `/intplan blockers`?");
      expect(t.db.select().from(blockers).all()).toEqual([]);
      expect(
        t.db
          .select()
          .from(auditLog)
          .all()
          .filter((a) => a.action.startsWith("blocker")),
      ).toEqual([]);
      expect(channelPostsSince(before)).toEqual([]);
    },
  );

  it("`/intplan blocker close 1` suggests the resolve, and changes nothing", async () => {
    await run("blocker Sandbox credentials missing");
    await t.idle();
    const res = await run("blocker close 1");
    await t.idle();
    expect(privateReplies(t, res)).toEqual([expect.stringContaining("`/intplan blocker resolve 1`")]);
    expect(t.db.select().from(blockers).all()).toMatchObject([
      { text: "Sandbox credentials missing", status: "open", resolvedAt: null },
    ]);
  });

  it("`/intplan phase list` points to /intplan status and moves no phase", async () => {
    const res = await run("phase list");
    await t.idle();
    expect(privateReplies(t, res)).toEqual([expect.stringContaining("Did you mean `/intplan status`?")]);
    expect(
      t.db
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.action === "phase.changed"),
    ).toEqual([]);
  });

  it("`/intplan interview api` names both systems' API sections and opens neither", async () => {
    const res = await run("interview api");
    await t.idle();
    const replies = privateReplies(t, res);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('"api" matches 2 sections. Which one?');
    expect(replies[0]).toContain("`/intplan interview 4` 4. Shopify API");
    expect(replies[0]).toContain("`/intplan interview 5` 5. QuickBooks Online API");
    expect(t.emulator.callsTo("views.open").filter((c) => c.args.trigger_id === res.triggerId)).toEqual([]);

    // Saying which opens it, with no message at all: the modal is the answer.
    const chosen = await run("interview quickbooks");
    await t.idle();
    expect(privateReplies(t, chosen)).toEqual([]);
    const opened = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === chosen.triggerId);
    expect(JSON.stringify(opened.args.view)).toContain("QuickBooks Online API");
  });

  it("/intplan help lists every subcommand the grammar knows", async () => {
    const res = await run("help");
    const [help] = privateReplies(t, res);
    const missing = USAGES.filter((u) => !help?.includes(u.usage)).map((u) => u.usage);
    expect(missing).toEqual([]);
  });
});
