/**
 * Slack's rate limits and slow channels, as a busy workspace meets them: background work (status boards,
 * canvases) has its own Slack client and runs per project in parallel, so a 429 or a hung call in one channel
 * never delays a modal or another project's board; a permanent refusal is told to the channel once.
 */
import type BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type RecordedCall, type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";

import { outboxNotices, projects, statusBoards } from "../../src/db/schema.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import { startTestApp, type TestApp, type TestAppOptions } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const BUSY = "C0BUSY";
const QUIET = "C0QUIET";
const FRESH = "C0FRESH";

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");
const shows = (call: RecordedCall, text: string) => JSON.stringify(call.args.blocks ?? []).includes(text);

describe("Slack's rate limits and slow channels stall nobody", () => {
  let t: TestApp;
  let emulator: SlackEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    await t.close();
  });

  async function start(options: TestAppOptions = {}) {
    t = await startTestApp(options);
  }
  const projectIn = (channelId: string) =>
    t.db
      .select()
      .from(projects)
      .all()
      .find((p) => p.channelId === channelId)?.id ?? 0;

  /** A project in `channelId` with its status board posted and pinned. */
  async function projectWithBoard(channelId: string): Promise<number> {
    await createProjectThroughSlack(t, { channelId });
    await t.slack.command({ text: "status", channelId });
    await t.emulator.waitForCall("pins.add", (c) => c.args.channel === channelId && c.answer?.ok === true);
    await t.app.outbox.idle();
    return projectIn(channelId);
  }
  const boardJob = (projectId: number) =>
    pendingJobs(t.db, projectId).find((j) => j.job === "refresh-status-board");
  /** Resolves when the board job of `projectId` has been put off until `until(job)` or later. */
  async function deferred(projectId: number, isDeferred: (runAfter: number, createdAt: number) => boolean) {
    let job: ReturnType<typeof boardJob>;
    await vi.waitFor(
      () => {
        job = boardJob(projectId);
        expect(job && isDeferred(job.runAfter.getTime(), job.createdAt.getTime())).toBe(true);
      },
      { timeout: 5_000 },
    );
    return job as NonNullable<typeof job>;
  }
  const boardUpdate = (channelId: string, text: string, timeoutMs?: number) =>
    t.emulator.waitForCall(
      "chat.update",
      (c) => c.args.channel === channelId && isBoard(c) && shows(c, text) && c.answer?.ok === true,
      timeoutMs,
    );

  it("a 429 with Retry-After 6 on a busy channel's board: another channel's /intplan new opens its modal at once, and the board catches up after the wait", async () => {
    await start();
    const busy = await projectWithBoard(BUSY);
    const quiet = await projectWithBoard(QUIET);
    t.emulator.failNext("chat.update", { kind: "http", status: 429, retryAfter: 6 });

    await t.slack.command({ text: "blocker Waiting on the client's API keys", channelId: BUSY });
    const limited = await t.emulator.waitForCall("chat.update", (c) => c.fault?.kind === "http");
    expect(limited.args.channel).toBe(BUSY);
    // The job is put off until Slack's Retry-After, and that is not a failed attempt.
    const putOff = await deferred(busy, (runAfter, createdAt) => runAfter - createdAt >= 6_000);
    expect(putOff.attempts).toBe(0);

    // Meanwhile another channel's board waits for the same method, without calling Slack...
    await t.slack.command({ text: "blocker Sandbox is down", channelId: QUIET });
    const waiting = await deferred(quiet, (runAfter) => runAfter >= putOff.runAfter.getTime() - 1_000);
    expect(waiting.attempts).toBe(0);
    expect(t.emulator.callsTo("chat.update").filter((c) => c.args.channel === QUIET)).toEqual([]);

    // ...and a person in a third channel gets the form inside Slack's 3-second trigger window.
    const res = await t.slack.command({ text: "new", channelId: FRESH, userId: "U0NEW" });
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    expect(open.answer).toMatchObject({ ok: true });
    expect(t.emulator.rejections.filter((r) => r.method === "views.open")).toEqual([]);

    // Once Slack's wait is over, both boards show their change, each in one edit.
    t.setNow(new Date(putOff.runAfter.getTime() + 1_000));
    await boardUpdate(BUSY, "Waiting on the client");
    await boardUpdate(QUIET, "Sandbox is down");
    await t.app.outbox.idle();
    expect(
      t.emulator
        .callsTo("chat.update")
        .filter((c) => c.answer?.ok)
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual([BUSY, QUIET]);
    expect(
      [...pendingJobs(t.db, busy), ...pendingJobs(t.db, quiet)].filter((j) => j.job !== "reminders"),
    ).toEqual([]);
  });

  it("a board edit that hangs in one channel does not hold up another project's board", async () => {
    emulator = await startSlackEmulator();
    await start({ emulator });
    await projectWithBoard(BUSY);
    const quiet = await projectWithBoard(QUIET);
    // Slack sits on the busy channel's edit for a minute (longer than the app's 10-second timeout).
    t.emulator.failNext("chat.update", { kind: "delay", ms: 60_000 });

    await t.slack.command({ text: "blocker Waiting on the client's API keys", channelId: BUSY });
    const hung = await t.emulator.waitForCall("chat.update", (c) => c.fault?.kind === "delay");
    expect(hung.args.channel).toBe(BUSY);

    await t.slack.command({ text: "blocker Sandbox is down", channelId: QUIET });
    await boardUpdate(QUIET, "Sandbox is down", 5_000);
    // The busy channel's edit is still hanging, untried again: nothing waited for it.
    expect(hung.answer).toBeUndefined();
    expect(t.emulator.callsTo("chat.update").filter((c) => c.args.channel === BUSY)).toHaveLength(1);
    // (Not idle(): that would wait for the hung call.)
    await vi.waitFor(() => expect(boardJob(quiet)).toBeUndefined());
  });

  it("a canvas Slack will not let the app edit: one note in the channel across two bursts, and a retry after the next change", async () => {
    // Refreshes wait a minute after a change; the test moves the clock, so a burst is a burst however slow
    // the machine is.
    let now = new Date("2026-11-22T10:00:00Z").getTime();
    await start({ now: new Date(now), timing: { refreshDelayMs: 60_000 } });
    const nextMinute = () => {
      now += 61_000;
      t.setNow(new Date(now));
    };
    await createProjectThroughSlack(t, { channelId: BUSY });
    await t.slack.command({ text: "plan", channelId: BUSY });
    await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    const refusal = "free_teams_cannot_edit_standalone_canvases";
    t.emulator.failNext("canvases.edit", { kind: "error", error: refusal }, 2);
    const notes = () =>
      t.emulator
        .callsTo("chat.postMessage")
        .filter((c) => String(c.args.text).includes("cannot update the Implementation Plan canvas"));
    const edited = (text: string) =>
      t.emulator.waitForCall("canvases.edit", (c) => JSON.stringify(c.args.changes).includes(text), 5_000);

    for (const [burst, blocker] of ["Waiting on the client's API keys", "Sandbox is down"].entries()) {
      await t.slack.command({ text: `blocker ${blocker}`, channelId: BUSY });
      await t.slack.command({ text: `blocker ${blocker}, again`, channelId: BUSY });
      nextMinute();
      await edited(`${blocker}, again`);
      await t.app.outbox.idle();
      // Not retried: one edit per burst, and the job is gone.
      expect(t.emulator.callsTo("canvases.edit")).toHaveLength(burst + 1);
      expect(pendingJobs(t.db, projectIn(BUSY)).filter((j) => j.job === "refresh-plan")).toEqual([]);
    }
    expect(notes()).toHaveLength(1);
    const [note] = notes();
    expect(note?.args.channel).toBe(BUSY);
    expect(String(note?.args.text)).toContain(refusal);
    expect(String(note?.args.text)).toContain("Every change is saved");

    // Once Slack takes an edit again, the canvas catches up and the notice is forgotten.
    await t.slack.command({ text: "blocker Webhooks are flaky", channelId: BUSY });
    nextMinute();
    const caughtUp = await edited("Webhooks are flaky");
    await t.app.outbox.idle();
    expect(caughtUp.answer?.ok).toBe(true);
    expect(t.db.select().from(outboxNotices).all()).toEqual([]);
    expect(notes()).toHaveLength(1);
  });

  it("the database turns read-only while a board is being updated: logged, the process stays up, and the board is recorded once it can write again", async () => {
    await start();
    const busy = await projectWithBoard(BUSY);
    const sqlite = (t.db as unknown as { $client: BetterSqlite3.Database }).$client;
    // Slack takes a moment to answer the board edit; the database stops taking writes meanwhile.
    t.emulator.failNext("chat.update", { kind: "delay", ms: 500 });
    await t.slack.command({ text: "blocker Waiting on the client's API keys", channelId: BUSY });
    await t.emulator.waitForCall("chat.update", (c) => c.fault?.kind === "delay");
    sqlite.pragma("query_only = ON");
    await vi.waitFor(
      () => expect(t.logs.filter((l) => l.includes("the database failed")).length).toBeGreaterThan(1),
      {
        timeout: 5_000,
      },
    );
    // Nothing was lost: the job is still there, and no failed attempt was counted against it.
    expect(boardJob(busy)).toMatchObject({ attempts: 0 });
    sqlite.pragma("query_only = OFF");
    await vi.waitFor(() => expect(boardJob(busy)).toBeUndefined(), { timeout: 5_000 });
    const [board] = t.db.select().from(statusBoards).all();
    const last = t.emulator.callsTo("chat.update").findLast((c) => c.answer?.ok === true);
    expect(last && shows(last, "Waiting on the client")).toBe(true);
    expect(board?.contentHash).toBeTruthy();
    // The worker's storage errors made /healthz say 503; it says 200 again by itself once writes work.
    await vi.waitFor(async () => expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200), {
      timeout: 5_000,
    });
  });
  it("the board was deleted and Slack rate-limits its new post: the board is posted after the wait, not lost", async () => {
    let now = new Date("2026-11-22T10:00:00Z").getTime();
    await start({ now: new Date(now), timing: { refreshDelayMs: 60_000 } });
    const later = (ms: number) => {
      now += ms;
      t.setNow(new Date(now));
    };
    const busy = await projectWithBoard(BUSY);
    const old = t.db.select().from(statusBoards).get();
    const messages = t.emulator.messages.get(BUSY) ?? [];
    messages.splice(
      messages.findIndex((m) => m.ts === old?.ts),
      1,
    );
    await t.slack.command({ text: "blocker Waiting on the client's API keys", channelId: BUSY });
    await t.emulator.waitForCall("chat.postMessage", (c) =>
      String(c.args.text).includes("Waiting on the client"),
    );
    t.emulator.failNext("chat.postMessage", { kind: "http", status: 429, retryAfter: 6 });

    later(61_000);
    await t.emulator.waitForCall("chat.postMessage", (c) => c.fault?.kind === "http");
    const putOff = await deferred(busy, (runAfter) => runAfter >= now + 5_000);
    expect(putOff.attempts).toBe(0);
    expect(t.db.select().from(statusBoards).get()?.ts).toBe(old?.ts);

    later(7_000);
    const repost = await t.emulator.waitForCall(
      "chat.postMessage",
      (c) => isBoard(c) && shows(c, "Waiting on the client") && c.answer?.ok === true,
    );
    await vi.waitFor(() =>
      expect(t.db.select().from(statusBoards).get()).toMatchObject({ ts: repost.answer?.ts, pinned: true }),
    );
    await t.app.outbox.idle();
    expect(boardJob(busy)).toBeUndefined();
  });
});
