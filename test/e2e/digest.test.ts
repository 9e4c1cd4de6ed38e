import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { saveReminderSettings } from "../../src/db/reminder-settings-store.js";
import { outbox, projects } from "../../src/db/schema.js";
import { DEFAULT_REMINDER_SETTINGS } from "../../src/domain/reminders/settings.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { openHome } from "../support/home.js";
import { person } from "../support/people.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { privateReplies } from "../support/replies.js";

const CHANNEL = "C0PROJECT";
/** Sunday 22 November 2026, 10:00 UTC: the harness' default start. */
const START = new Date("2026-11-22T10:00:00Z");

const blocksOf = (call: RecordedCall) => JSON.stringify(call.args.blocks ?? []);
const isDigest = (call: RecordedCall) => /"block_id":"digest_\d+"/.test(blocksOf(call));

describe("the weekly digest, posted on request with /intplan digest", () => {
  let t: TestApp;
  let projectId: number;

  beforeEach(async () => {
    t = await startTestApp({ now: START });
    t.emulator.users.set("U0PM", person("U0PM", { display_name: "Pat", real_name: "Pat Lee" }));
    t.emulator.users.set("U0LEAD", person("U0LEAD", { display_name: "Lee", real_name: "Lee Chen" }));
    t.emulator.users.set("U0MARIA", person("U0MARIA", { display_name: "Maria", real_name: "Maria Diaz" }));
    await createProjectThroughSlack(t);
    projectId = t.db.select().from(projects).get()?.id ?? 0;
    // Everything intplan sends on its own is off here, so only what the tests ask for is posted: a digest
    // asked for is posted all the same.
    saveReminderSettings(t.db, {
      projectId,
      settings: { ...DEFAULT_REMINDER_SETTINGS, enabled: false },
      updatedBy: "U0PM",
      at: START,
    });
  });
  afterEach(async () => {
    await t.close();
  });

  const digests = () => t.emulator.callsTo("chat.postMessage").filter(isDigest);
  /** Runs `/intplan digest` and resolves with the digest it posted, and the request. */
  async function askForDigest(userId = "U0PM", channelId = CHANNEL) {
    const before = digests().length;
    const res = await t.slack.command({ text: "digest", userId, channelId });
    await t.idle();
    const posted = digests().slice(before);
    return { res, posted };
  }

  it("posts one digest in the channel naming the project, its phases and its open blockers, mentioning nobody", async () => {
    await t.slack.command({ text: "blocker Sandbox credentials for QBO <@U0MARIA|maria> --client" });
    await t.slack.command({ text: "phase 1 in-progress kicking off", userId: "U0LEAD" });
    await t.idle();

    const { res, posted } = await askForDigest();
    expect(posted).toHaveLength(1);
    const digest = posted[0] as RecordedCall;
    expect(digest.answer?.ok).toBe(true);
    expect(digest.args.channel).toBe(CHANNEL);
    expect(digest.args.thread_ts).toBeUndefined();
    expect(validateMessage(digest.args)).toEqual([]);
    expect(String(digest.args.text)).toContain("Acme order sync (INT-0001)");
    const blocks = blocksOf(digest);
    for (const expected of [
      "Weekly digest: Acme order sync (INT-0001)",
      "Client *Acme Outdoor Co.*",
      "*1. Discovery &amp; Design* · In progress",
      "*2. Development* · Not started",
      "*5. Post-Launch Support*",
      "*Open blockers (1)*",
      "*#1* Sandbox credentials for QBO · just now · *Maria* · waiting on client",
      "*Next milestone:* finish *1. Discovery &amp; Design*",
      "*Go-live:*",
      "Lead *Lee* · PM *Pat*",
      "Posted on request by *Pat*",
    ]) {
      expect(blocks).toContain(expected);
    }
    // What changed this week: the blocker logged and the phase change, each by the name Slack shows.
    expect(blocks).toMatch(/\*Pat\* logged blocker \*#1\* Sandbox credentials for QBO/);
    expect(blocks).toMatch(/\*Lee\* moved \*1\. Discovery &amp; Design\* from Not started to In progress/);
    expect(blocks).toMatch(
      /\*This week\* \(since 2026-11-15\)\\n\d+ changes recorded: 1 phase change · 1 blocker logged/,
    );
    // Nobody is pinged: no mention, no @channel or @here, no special mention of any kind.
    const whole = `${String(digest.args.text)}${blocks}`;
    expect(whole).not.toMatch(/<@|<!/);
    expect(privateReplies(t, res)).toEqual(["Posted this week's digest in the channel."]);
  });

  it("marks a blocker stale once it has been open past the channel's threshold in working days", async () => {
    // Logged on Sunday: three working days later is Wednesday, 10:00.
    await t.slack.command({ text: "blocker Tax codes unclear" });
    await t.idle();

    t.setNow(new Date("2026-11-25T09:00:00Z"));
    const early = blocksOf((await askForDigest()).posted[0] as RecordedCall);
    expect(early).toContain("*Open blockers (1)*");
    expect(early).not.toContain("stale*");

    t.setNow(new Date("2026-11-25T10:30:00Z"));
    const wednesday = await askForDigest();
    const blocks = blocksOf(wednesday.posted[0] as RecordedCall);
    expect(blocks).toContain("*Open blockers (1, 1 stale)*");
    expect(blocks).toContain("*#1* Tax codes unclear · 3d · no owner · :hourglass: *stale*");
    expect(blocks).toContain("Stale: open more than 3 working days.");
    expect(String(wednesday.posted[0]?.args.text)).toContain("1 open blocker (1 stale)");
  });

  it("looks back one week: a blocker logged and resolved long ago is no longer in what changed", async () => {
    await t.slack.command({ text: "blocker Old firewall rule" });
    await t.slack.command({ text: "blocker resolve 1 opened" });
    await t.idle();
    t.setNow(new Date("2026-12-01T10:00:00Z"));
    const { posted } = await askForDigest();
    const blocks = blocksOf(posted[0] as RecordedCall);
    expect(blocks).not.toContain("Old firewall rule");
    expect(blocks).toContain("Nothing changed this week.");
    expect(blocks).toContain("*Open blockers:* none");
  });

  it("leaves the weekly digest's schedule as it was", async () => {
    saveReminderSettings(t.db, {
      projectId,
      settings: DEFAULT_REMINDER_SETTINGS,
      updatedBy: "U0PM",
      at: START,
    });
    await t.idle();
    const schedule = () =>
      t.db
        .select({ job: outbox.job, runAfter: outbox.runAfter, generation: outbox.generation })
        .from(outbox)
        .all()
        .filter((row) => row.job === "reminders");
    const before = schedule();
    expect(before).toHaveLength(1);
    const { posted } = await askForDigest();
    expect(posted).toHaveLength(1);
    expect(blocksOf(posted[0] as RecordedCall)).toContain(
      "The weekly digest comes every Monday at 09:00 (UTC).",
    );
    expect(schedule()).toEqual(before);
  });

  it("in a channel without a project, says so and posts nothing", async () => {
    const { res, posted } = await askForDigest("U0PM", "C0EMPTY");
    expect(posted).toHaveLength(0);
    expect(privateReplies(t, res).join("\n")).toContain("This channel has no integration project yet.");
  });

  it.each([
    ["not_in_channel", /Invite me with `\/invite @intplan`/],
    ["is_archived", /archived/],
    ["invalid_arguments", /Slack did not accept the digest just now/],
  ])("Slack answers %s: the person is told why, privately, and nothing else is sent", async (error, says) => {
    const callsBefore = t.emulator.callsTo("chat.postMessage").length;
    t.emulator.failNext("chat.postMessage", { kind: "error", error });
    const res = await t.slack.command({ text: "digest", userId: "U0PM" });
    await t.idle();
    const replies = t.emulator.responses.filter((r) => r.url === res.responseUrl);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.response_type).toBe("ephemeral");
    expect(String(replies[0]?.body.text)).toMatch(says);
    // The reply carries the digest itself, so the person still sees it.
    expect(String(replies[0]?.body.text)).toContain("Weekly digest of Acme order sync");
    // One refused attempt, no retry, no DM.
    expect(t.emulator.callsTo("chat.postMessage")).toHaveLength(callsBefore + 1);
  });

  it("App Home's button sends the person one DM about the projects they lead, manage or created", async () => {
    await t.slack.command({ text: "blocker Sandbox credentials", userId: "U0LEAD" });
    await createProjectThroughSlack(t, {
      channelId: "C0OTHER",
      userId: "U0SAM",
      form: {
        name: form.text("Globex payroll"),
        lead_engineer: form.user("U0SAM"),
        project_manager: form.user("U0SAM"),
      },
    });
    await t.idle();
    const home = await openHome(t, "U0PM");
    expect(home).toContain("DM me a digest of my projects");

    const before = t.emulator.callsTo("chat.postMessage").length;
    await t.slack.blockAction({ actionId: "home_dm_digest", userId: "U0PM" });
    await t.idle();
    const opened = await t.emulator.waitForCall("conversations.open", (c) => c.args.users === "U0PM");
    const dm = t.emulator.callsTo("chat.postMessage").slice(before);
    expect(dm).toHaveLength(1);
    const message = dm[0] as RecordedCall;
    expect(message.args.channel).toBe((opened.answer?.channel as { id?: string } | undefined)?.id);
    expect(validateMessage(message.args)).toEqual([]);
    const blocks = blocksOf(message);
    expect(blocks).toContain("*Acme order sync* (INT-0001) · Acme Outdoor Co. · <#C0PROJECT>");
    expect(blocks).toMatch(/0 of 5 phases done · tasks 0\/\d+ · 1 open blocker · Go-live 2027-02-01: /);
    // Only their own projects: Sam's is not in it.
    expect(blocks).not.toContain("Globex payroll");
    expect(`${String(message.args.text)}${blocks}`).not.toMatch(/<@|<!/);
  });
});
