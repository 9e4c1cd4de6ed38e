/**
 * What intplan sends on its own, with a controlled clock: a blocker open three working days nudges its owner
 * (or the channel) once, at a time people work; snoozes are honoured; a restart, a second process and a
 * week of downtime send nothing twice; the go-live notice lists what is still open; one switch turns it off.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { type RecordedCall, type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { nudgesOf, snoozeNudge } from "../../src/db/nudge-store.js";
import { changeReminderSettings, saveReminderSettings } from "../../src/db/reminder-settings-store.js";
import { outbox, projects } from "../../src/db/schema.js";
import { DEFAULT_REMINDER_SETTINGS } from "../../src/domain/reminders/settings.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { person } from "../support/people.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const PM = "U0PM";
const MARIA = "U0MARIA";
// 2026-11-27 is a Friday.
const FRIDAY_MORNING = new Date("2026-11-27T10:00:00Z");
const FRIDAY_2PM = new Date("2026-11-27T14:00:00Z");
const WEDNESDAY_2PM = new Date("2026-12-02T14:00:00Z");

describe("reminders: nudges, go-live notices and the downtime summary", () => {
  let emulator: SlackEmulator;
  let dir: string;
  let databasePath: string;
  const apps: TestApp[] = [];

  beforeEach(async () => {
    emulator = await startSlackEmulator();
    dir = mkdtempSync(join(tmpdir(), "intplan-reminders-"));
    databasePath = join(dir, "intplan.sqlite");
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    // No message intplan sent on its own, or otherwise, calls on the whole channel.
    for (const call of emulator.callsTo("chat.postMessage")) {
      expect(JSON.stringify(call.args)).not.toMatch(/<!channel>|<!here>|<!everyone>/);
    }
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (now: Date) => {
    const t = await startTestApp({ now, databasePath, emulator });
    apps.push(t);
    return t;
  };
  const stop = async (t: TestApp) => {
    apps.splice(apps.indexOf(t), 1);
    await t.close();
  };

  const remindersRow = (t: TestApp) => t.db.select().from(outbox).where(eq(outbox.job, "reminders")).get();

  /**
   * Lets time pass up to `target` as it does for an app that keeps running: the clock moves to each time the
   * reminders job said it is next due, the job runs, and so on, then to `target`.
   */
  async function runUntil(target: Date, ...ts: TestApp[]) {
    const [t] = ts;
    if (!t) throw new Error("no app");
    for (let step = 0; step < 100; step++) {
      const row = remindersRow(t);
      const next = row && row.runAfter < target ? row.runAfter : target;
      for (const app of ts) app.setNow(next);
      await Promise.all(ts.map((app) => app.idle()));
      if (next === target) return;
    }
    throw new Error("the reminders job never got to the target time");
  }

  /** The successful chat.postMessage calls into the DM intplan opened with `userId`. */
  const dmsTo = (userId: string) =>
    emulator
      .callsTo("chat.postMessage")
      .filter((c) => c.answer?.ok && emulator.ims.get(String(c.args.channel)) === userId);
  const channelPosts = (fragment: string) =>
    emulator
      .callsTo("chat.postMessage")
      .filter((c) => c.answer?.ok && c.args.channel === CHANNEL && JSON.stringify(c.args).includes(fragment));
  /** The ledger's blocker nudges (the digest's slots are in the ledger too). */
  const blockerNudges = (t: TestApp) => nudgesOf(t.db, 1).filter((n) => n.kind === "blocker");
  const textOf = (call: RecordedCall | undefined) =>
    `${call?.args.text} ${JSON.stringify(call?.args.blocks)}`;

  async function projectWithBlocker(options: { owner?: string; at?: Date; targetGoLive?: string } = {}) {
    const t = await start(FRIDAY_MORNING);
    await createProjectThroughSlack(t, {
      ...(options.targetGoLive ? { form: { target_go_live: form.date(options.targetGoLive) } } : {}),
    });
    await t.idle();
    await runUntil(options.at ?? FRIDAY_2PM, t);
    const owner = options.owner === undefined ? ` <@${MARIA}|maria>` : options.owner;
    await t.slack.command({ text: `blocker Sandbox credentials${owner}`, userId: PM });
    await t.idle();
    return t;
  }

  it("a blocker logged on a Friday nudges its owner by DM three working days later, on Wednesday, once", async () => {
    const t = await projectWithBlocker();
    await runUntil(new Date(WEDNESDAY_2PM.getTime() - 60_000), t);
    expect(dmsTo(MARIA)).toHaveLength(0);

    await runUntil(new Date(WEDNESDAY_2PM.getTime() + 1000), t);
    const [dm] = dmsTo(MARIA);
    expect(textOf(dm)).toContain("Sandbox credentials");
    expect(validateMessage(dm?.args ?? {})).toEqual([]);
    const [row] = blockerNudges(t);
    expect(row).toMatchObject({ kind: "blocker", state: "sent", recipientId: MARIA, timesSent: 1 });
    // The DM carries it, not the channel (whose only messages about it are the blocker's announcement and
    // Monday's weekly digest, which lists the open blockers).
    expect(row).toMatchObject({ messageChannel: dm?.args.channel, messageTs: dm?.answer?.ts });
    expect(
      channelPosts("Sandbox credentials").filter((c) => !textOf(c).includes("Weekly digest")),
    ).toHaveLength(1);

    // More windows pass and the job runs again and again: still one nudge.
    await runUntil(new Date("2026-12-11T15:00:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(1);
  });

  it("a nudge Slack rate-limits is not lost: it is sent once Slack lets it through", async () => {
    const t = await projectWithBlocker();
    await runUntil(new Date(WEDNESDAY_2PM.getTime() - 60_000), t);
    emulator.failNext("chat.postMessage", { kind: "http", status: 429, retryAfter: 30 });
    await runUntil(new Date(WEDNESDAY_2PM.getTime() + 1000), t);
    // Slack answered 429 with Retry-After: 30 s. Nothing reached Maria, and the ledger does not say otherwise.
    expect(emulator.callsTo("chat.postMessage").filter((c) => c.fault)).toHaveLength(1);
    expect(dmsTo(MARIA)).toHaveLength(0);
    expect(blockerNudges(t)).toEqual([]);
    expect(remindersRow(t)?.runAfter.getTime()).toBeGreaterThan(WEDNESDAY_2PM.getTime() + 25_000);
    await runUntil(new Date(WEDNESDAY_2PM.getTime() + 60_000), t);
    expect(dmsTo(MARIA)).toHaveLength(1);
    expect(blockerNudges(t)).toMatchObject([{ state: "sent", timesSent: 1 }]);
  });

  it("a person Slack cannot reach holds up nobody else's nudge, and is not tried on every run", async () => {
    const t = await projectWithBlocker({ owner: " <@U0GONE|gone>" });
    emulator.unknownUsers.add("U0GONE");
    await t.slack.command({ text: `blocker Tax codes unclear <@${MARIA}|maria>`, userId: PM });
    await t.idle();
    await runUntil(new Date("2026-12-03T10:00:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(1);
    expect(t.logs.join("\n")).toContain("refused by Slack (user_not_found)");
    const opens = emulator.callsTo("conversations.open").filter((c) => c.args.users === "U0GONE");
    await runUntil(new Date("2026-12-04T10:00:00Z"), t);
    expect(emulator.callsTo("conversations.open").filter((c) => c.args.users === "U0GONE")).toHaveLength(
      opens.length,
    );
  });

  it("an ask unanswered two working days nudges the person asked, once", async () => {
    const t = await projectWithBlocker();
    const DANA = "U0DANA";
    await t.slack.command({ text: `ask <@${DANA}|dana> 5`, userId: PM });
    await t.idle();
    const asked = dmsTo(DANA).length + channelPosts(DANA).length;
    // Asked on Friday 14:00: two working days later is Tuesday 14:00.
    await runUntil(new Date("2026-12-01T13:59:00Z"), t);
    expect(nudgesOf(t.db, 1).filter((n) => n.kind === "ask")).toEqual([]);
    await runUntil(new Date("2026-12-01T14:00:30Z"), t);
    expect(nudgesOf(t.db, 1).filter((n) => n.kind === "ask")).toMatchObject([
      { state: "sent", recipientId: DANA, timesSent: 1 },
    ]);
    expect(dmsTo(DANA).length + channelPosts(DANA).length).toBe(asked + 1);
    await runUntil(new Date("2026-12-04T14:00:00Z"), t);
    expect(dmsTo(DANA).length + channelPosts(DANA).length).toBe(asked + 1);
  });

  it("with nudges set to go under the status board, the owner is answered in its thread", async () => {
    const t = await projectWithBlocker();
    await t.slack.command({ text: "status", userId: PM });
    await t.idle();
    const board = emulator
      .callsTo("chat.postMessage")
      .find((c) => c.answer?.ok && JSON.stringify(c.args.blocks).includes("status_board"));
    expect(board).toBeDefined();
    saveReminderSettings(t.db, {
      projectId: 1,
      settings: { ...DEFAULT_REMINDER_SETTINGS, destination: "board-thread" },
      updatedBy: PM,
      at: FRIDAY_2PM,
    });
    await runUntil(new Date(WEDNESDAY_2PM.getTime() + 1000), t);
    const replies = emulator
      .callsTo("chat.postMessage")
      .filter((c) => c.answer?.ok && c.args.thread_ts === board?.answer?.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.args.channel).toBe(CHANNEL);
    expect(textOf(replies[0])).toContain("Sandbox credentials");
    expect(dmsTo(MARIA)).toHaveLength(0);
  });

  it("a blocker without an owner is posted in the channel, mentioning nobody", async () => {
    const t = await projectWithBlocker({ owner: "" });
    await runUntil(new Date(WEDNESDAY_2PM.getTime() + 1000), t);
    const nudges = emulator
      .callsTo("chat.postMessage")
      .filter((c) => c.answer?.ok && c.args.channel === CHANNEL && !c.args.thread_ts)
      .filter((c) => nudgesOf(t.db, 1).some((n) => n.kind === "blocker" && n.messageTs === c.answer?.ts));
    expect(nudges).toHaveLength(1);
    expect(textOf(nudges[0])).toContain("Sandbox credentials");
    expect(emulator.ims.size).toBe(0);
  });

  it("due at 20:00, in the quiet hours, the nudge waits for 09:00 the next working day", async () => {
    const t = await projectWithBlocker({ at: new Date("2026-11-27T20:00:00Z") });
    await runUntil(new Date("2026-12-03T08:59:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(0);
    await runUntil(new Date("2026-12-03T09:00:30Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(1);
    expect(blockerNudges(t)[0]?.sentAt?.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-12-03T09:00:00Z"));
  });

  it("counts in the PM's time zone from their Slack profile", async () => {
    emulator.users.set(PM, {
      ...person(PM, { display_name: "pm", real_name: "Pat PM" }),
      tz: "America/New_York",
    });
    // Friday 14:00 in New York is 19:00 UTC: the nudge comes Wednesday 14:00 New York time.
    const t = await projectWithBlocker({ at: new Date("2026-11-27T19:00:00Z") });
    await runUntil(new Date("2026-12-02T18:59:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(0);
    await runUntil(new Date("2026-12-02T19:00:30Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(1);
  });

  it("a snoozed nudge comes back once the snooze ends, once, and a restart in between changes nothing", async () => {
    let t = await projectWithBlocker();
    await runUntil(new Date(WEDNESDAY_2PM.getTime() + 1000), t);
    expect(dmsTo(MARIA)).toHaveLength(1);
    const [row] = blockerNudges(t);
    const until = new Date("2026-12-05T14:00:00Z"); // Saturday: it comes back Monday 09:00
    snoozeNudge(t.db, { id: row?.id ?? 0, until, by: MARIA, at: new Date(WEDNESDAY_2PM.getTime() + 2000) });

    await runUntil(new Date("2026-12-04T12:00:00Z"), t);
    await stop(t);
    t = await start(new Date("2026-12-04T12:00:00Z"));
    await runUntil(new Date("2026-12-07T08:59:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(1);
    await runUntil(new Date("2026-12-07T09:00:30Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(2);
    expect(blockerNudges(t)).toMatchObject([{ state: "sent", timesSent: 2 }]);
    await runUntil(new Date("2026-12-09T10:00:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(2);
  });

  it("two app processes on one database send the nudge once", async () => {
    const a = await projectWithBlocker();
    const b = await start(FRIDAY_2PM);
    b.setNow(new Date(FRIDAY_2PM.getTime() + 1000));
    await runUntil(new Date(WEDNESDAY_2PM.getTime() + 1000), a, b);
    await runUntil(new Date("2026-12-03T10:00:00Z"), b, a);
    expect(dmsTo(MARIA)).toHaveLength(1);
    expect(blockerNudges(a)).toHaveLength(1);
  });

  it("after a week of downtime the channel gets one summary, not every nudge, and nothing more after", async () => {
    const t = await projectWithBlocker();
    await t.slack.command({ text: "blocker Tax codes unclear", userId: PM });
    await t.idle();
    await stop(t);

    const back = await start(new Date("2026-12-07T11:00:00Z"));
    await back.idle();
    const summaries = channelPosts("While I was offline");
    expect(summaries).toHaveLength(1);
    const text = textOf(summaries[0]);
    expect(text).toContain("Sandbox credentials");
    expect(text).toContain("Tax codes unclear");
    // Owners are named, not mentioned: posted whenever the app came back, it notifies nobody.
    expect(text).toContain("user-u0maria");
    expect(text).not.toContain("<@");
    expect(text).toContain("`/intplan digest` posts it now");
    expect(validateMessage(summaries[0]?.args ?? {})).toEqual([]);
    expect(dmsTo(MARIA)).toHaveLength(0);
    expect(blockerNudges(back)).toMatchObject([{ state: "sent" }, { state: "sent" }]);

    await runUntil(new Date("2026-12-09T11:00:00Z"), back);
    expect(channelPosts("While I was offline")).toHaveLength(1);
    expect(dmsTo(MARIA)).toHaveLength(0);
  });

  it("after an upgrade, a project from before reminders gets one summary of what is overdue, not a flood", async () => {
    const t = await projectWithBlocker();
    await t.slack.command({ text: "blocker Tax codes unclear", userId: PM });
    await t.idle();
    await stop(t);
    // The release before reminders had no reminders job and no ledger: its database has neither.
    const sqlite = new (await import("better-sqlite3")).default(databasePath);
    sqlite.prepare("delete from outbox where job = 'reminders'").run();
    sqlite.prepare("delete from nudges").run();
    sqlite.close();

    const upgradedAt = new Date("2026-12-14T11:30:00Z");
    const upgraded = await start(upgradedAt);
    await upgraded.idle();
    const summaries = channelPosts("While I was offline");
    expect(summaries).toHaveLength(1);
    expect(textOf(summaries[0])).toContain("Sandbox credentials");
    expect(textOf(summaries[0])).toContain("Tax codes unclear");
    expect(dmsTo(MARIA)).toHaveLength(0);
    // The row is back, due later; nothing overdue is sent one by one afterwards.
    expect(remindersRow(upgraded)?.runAfter.getTime()).toBeGreaterThan(upgradedAt.getTime());
    await runUntil(new Date("2026-12-16T11:00:00Z"), upgraded);
    expect(dmsTo(MARIA)).toHaveLength(0);
    expect(channelPosts("While I was offline")).toHaveLength(1);
  });

  it("a week before the go-live, the channel hears once what is still open for it", async () => {
    // Go-live Wednesday 2026-12-09: its 14-day window had passed when the project started, so only the
    // 7-day one (Wednesday 2026-12-02, 09:00) is sent.
    const t = await projectWithBlocker({ targetGoLive: "2026-12-09" });
    await runUntil(new Date("2026-12-02T08:59:00Z"), t);
    expect(channelPosts("goes live")).toHaveLength(0);
    await runUntil(new Date("2026-12-02T09:00:30Z"), t);
    const notices = channelPosts("goes live");
    expect(notices).toHaveLength(1);
    const text = textOf(notices[0]);
    expect(text).toContain("in 7 days (2026-12-09)");
    expect(text).toContain("exit criteria still open");
    expect(text).toContain("*#1* Sandbox credentials");
    expect(text).not.toContain("<@");
    expect(validateMessage(notices[0]?.args ?? {})).toEqual([]);
    await runUntil(new Date("2026-12-07T10:00:00Z"), t);
    expect(channelPosts("goes live")).toHaveLength(1);
  });

  it("with the master switch off, nothing is sent; switched back on, what came due meanwhile is one summary", async () => {
    const t = await projectWithBlocker();
    const project = t.db.select().from(projects).get();
    saveReminderSettings(t.db, {
      projectId: project?.id ?? 0,
      settings: { ...DEFAULT_REMINDER_SETTINGS, enabled: false },
      updatedBy: PM,
      at: FRIDAY_2PM,
    });
    await runUntil(new Date("2026-12-10T15:00:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(0);
    expect(
      t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.job, "reminders"), eq(outbox.projectId, project?.id ?? 0)))
        .all(),
    ).toHaveLength(1);
    expect(nudgesOf(t.db, project?.id ?? 0)).toEqual([]);

    // Switched back on (as /intplan settings saves it): what came due while off is one summary, not a flood.
    changeReminderSettings(t.db, {
      projectId: project?.id ?? 0,
      actorId: PM,
      at: new Date("2026-12-10T15:00:00Z"),
      timing: { refreshDelayMs: 0 },
      settings: DEFAULT_REMINDER_SETTINGS,
    });
    await t.idle();
    expect(dmsTo(MARIA)).toHaveLength(0);
    const summaries = channelPosts("While I was offline");
    expect(summaries).toHaveLength(1);
    expect(textOf(summaries[0])).toContain("Sandbox credentials");
    await runUntil(new Date("2026-12-11T15:00:00Z"), t);
    expect(dmsTo(MARIA)).toHaveLength(0);
  });
});
