/**
 * A database that cannot be written: a full disk, a lock held by another program, a deleted folder. Every
 * request is answered within Slack's 3 seconds saying plainly that nothing was saved, nothing changes, the
 * process stays up, /healthz says 503; when the cause goes away the app recovers by itself.
 *
 * Failures are simulated portably: a full disk with SQLite's `max_page_count` on the app's own connection
 * (the next page the file needs cannot be allocated: SQLITE_FULL), a lock with a second connection holding
 * `BEGIN EXCLUSIVE`, a removed folder with `rmSync`.
 */
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackRequestResult } from "../../emulator/signed-client.js";
import { blockers, phases, projects } from "../../src/db/schema.js";
import { encodeSignOffValue } from "../../src/slack/listeners/sign-off-value.js";
import { newProjectForm } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const OTHER_CHANNEL = "C0OTHER";
const T0 = new Date("2026-11-22T10:00:00Z");
/** Slack gives up on an app that has not answered in 3 seconds. */
const SLACK_WAITS_MS = 3000;

const textOf = (body: unknown): string => {
  if (typeof body === "string") return body;
  return JSON.stringify(body);
};

describe("a database that cannot be written", () => {
  let t: TestApp;
  let minutes = 0;
  beforeEach(async () => {
    minutes = 0;
    t = await startTestApp({ now: T0 });
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  });
  afterEach(async () => {
    await t.close();
  });

  /** Moves the app's clock a minute on, past the health check's brief cache. */
  const aMinuteLater = () => t.setNow(new Date(T0.getTime() + ++minutes * 60_000));
  const health = async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    return { status: res.status, body: (await res.json()) as { ok: boolean; problem?: string } };
  };
  const fillTheDisk = () => {
    const pages = t.database.connection.pragma("page_count", { simple: true });
    t.database.connection.pragma(`max_page_count = ${pages}`);
    aMinuteLater();
  };
  const freeSpace = () => {
    t.database.connection.pragma("max_page_count = 1073741823");
    aMinuteLater();
  };
  const project = () => t.db.select().from(projects).where(eq(projects.channelId, CHANNEL)).get();
  const storedBlockers = () => t.db.select().from(blockers).all();
  const phase1 = () =>
    t.db
      .select()
      .from(phases)
      .where(eq(phases.projectId, project()?.id ?? 0))
      .all()
      .find((p) => p.number === 1);

  const expectNotSaved = (res: SlackRequestResult, cause: string) => {
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_WAITS_MS);
    const said = textOf(res.body);
    expect(said).toContain("I could not save this");
    expect(said).toContain(cause);
    expect(said).toContain("Nothing was changed");
    expect(said).not.toContain("Nothing you typed is lost");
  };

  /** `/intplan new` in another channel: the form, open and typed in, before anything fails. */
  const openNewProjectForm = async () => {
    const res = await t.slack.command({ text: "new", channelId: OTHER_CHANNEL, userId: "U0PM" });
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    return openedViewId(open);
  };
  const submitNewProject = (viewId: string) =>
    t.slack.viewSubmission({ userId: "U0PM", viewId, values: newProjectForm({}) });
  const pressSignOff = () =>
    t.slack.blockAction({
      actionId: "phase_sign_off",
      value: encodeSignOffValue({ projectId: project()?.id ?? 0, phaseNumber: 1, note: null }),
      userId: "U0PM",
      channelId: CHANNEL,
      messageTs: "1700000000.000400",
    });

  it("on a full disk, a command, a form and a button each say nothing was saved; freed, it recovers by itself", async () => {
    const viewId = await openNewProjectForm();
    const blockersBefore = storedBlockers().length;
    fillTheDisk();

    expect(await health()).toEqual({
      status: 503,
      body: expect.objectContaining({ ok: false, problem: "full" }),
    });

    const command = await t.slack.command({
      text: "blocker Waiting on the client's API keys",
      channelId: CHANNEL,
    });
    expectNotSaved(command, "disk is full");
    expect((command.body as { response_type?: string }).response_type).toBe("ephemeral");

    // The form stays open with what was typed: the message sits under its first field.
    const submitted = await submitNewProject(viewId);
    expectNotSaved(submitted, "disk is full");
    expect(submitted.body).toMatchObject({ response_action: "errors" });

    const pressed = await pressSignOff();
    expect(pressed.status).toBe(200);
    expect(pressed.ms).toBeLessThan(SLACK_WAITS_MS);
    const reply = await t.emulator.waitForResponse((r) => textOf(r.body).includes("I could not save this"));
    expect(textOf(reply.body)).toContain("Nothing was changed");

    expect(storedBlockers()).toHaveLength(blockersBefore);
    expect(t.db.select().from(projects).all()).toHaveLength(1);
    expect(phase1()?.status).not.toBe("done");
    expect(t.logs.join("\n")).toContain("not accepting changes");

    freeSpace();
    expect(await health()).toEqual({ status: 200, body: { ok: true, database: "up" } });

    const again = await t.slack.command({
      text: "blocker Waiting on the client's API keys",
      channelId: CHANNEL,
    });
    expect(again.status).toBe(200);
    expect(textOf(again.body)).not.toContain("could not save");
    expect(storedBlockers().map((b) => b.text)).toContain("Waiting on the client's API keys");

    // The very same form, submitted again unchanged, is saved now.
    const resubmitted = await submitNewProject(viewId);
    expect(resubmitted.body).toBe("");
    await t.emulator.waitForCall("chat.postMessage", (c) => c.args.channel === OTHER_CHANNEL);
    expect(t.db.select().from(projects).all()).toHaveLength(2);
  });

  it.each([
    ["App Home", "home", "views.open"],
    ["a modal", "modal", "views.push"],
  ])("on a full disk, a button in %s is answered with a small 'not saved' modal", async (_, type, method) => {
    // The button's view: an open modal (the new-project form), or the Home tab.
    const opened = type === "modal" ? await openNewProjectForm() : "V0HOME";
    fillTheDisk();
    const pressed = await t.slack.blockAction({
      actionId: "home_page",
      value: "2",
      userId: "U0PM",
      view: { id: opened, type, blocks: [] },
    });
    expect(pressed.status).toBe(200);
    expect(pressed.ms).toBeLessThan(SLACK_WAITS_MS);
    const shown = await t.emulator.waitForCall(method, (c) => c.args.trigger_id === pressed.triggerId);
    expect(shown.answer?.ok).toBe(true);
    expect(textOf(shown.args.view)).toContain("I could not save this");
    expect(textOf(shown.args.view)).toContain("Nothing was changed");
  });

  it("a write that fails before the ack (the replay check itself) is answered, and counts as unhealthy", async () => {
    // The health check said yes just now; winding the clock back keeps that answer cached, so the request
    // goes past the check and runs into the lock in its own first write (the replay claim).
    expect((await health()).status).toBe(200);
    t.setNow(new Date(T0.getTime() + minutes * 60_000 - 30_000));
    const other = new Database(t.databasePath);
    try {
      other.exec("begin exclusive");
      const command = await t.slack.command({ text: "blocker Vendor sandbox is down", channelId: CHANNEL });
      expectNotSaved(command, "locked");
      expect(t.logs.join("\n")).toContain("failed before it was acknowledged");
      // What the request ran into counts at once: health says so without waiting for the next check.
      expect(await health()).toEqual({
        status: 503,
        body: expect.objectContaining({ ok: false, problem: "locked" }),
      });
    } finally {
      other.close();
    }
    expect(storedBlockers().map((b) => b.text)).not.toContain("Vendor sandbox is down");
  });

  it("locked by another program past the short wait: answered at once, not saved; unlocked, it recovers", async () => {
    const other = new Database(t.databasePath);
    try {
      other.exec("begin exclusive");
      aMinuteLater();
      expect(await health()).toEqual({
        status: 503,
        body: expect.objectContaining({ ok: false, problem: "locked" }),
      });
      const command = await t.slack.command({ text: "blocker Vendor sandbox is down", channelId: CHANNEL });
      expectNotSaved(command, "locked");
      other.exec("rollback");
    } finally {
      other.close();
    }
    aMinuteLater();
    expect((await health()).status).toBe(200);
    const again = await t.slack.command({ text: "blocker Vendor sandbox is down", channelId: CHANNEL });
    expect(textOf(again.body)).not.toContain("could not save");
    expect(storedBlockers().map((b) => b.text)).toContain("Vendor sandbox is down");
  });

  it("after its folder is deleted, changes are refused instead of written into a file nobody will read", async () => {
    const before = storedBlockers().length;
    rmSync(dirname(t.databasePath), { recursive: true, force: true });
    aMinuteLater();
    expect(await health()).toEqual({
      status: 503,
      body: expect.objectContaining({ ok: false, problem: "missing" }),
    });
    const command = await t.slack.command({ text: "blocker Lost in the void", channelId: CHANNEL });
    expectNotSaved(command, "file was removed");
    expect(storedBlockers()).toHaveLength(before);
  });

  it("a listener that throws before its ack is answered (never Bolt's 404), saying it was not saved", async () => {
    t.app.bolt.command("/intplan-broken", async () => {
      throw new Error("a bug before the ack");
    });
    const res = await t.slack.command({ text: "anything", command: "/intplan-broken", channelId: CHANNEL });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_WAITS_MS);
    expect(textOf(res.body)).toContain("this was not saved. Nothing was changed");
  });

  it("a form whose save failed before the ack can be submitted again, unchanged, once the database recovers", async () => {
    const viewId = await openNewProjectForm();
    // The first submission's write fails after the replay check claimed it (a middleware after that check).
    let failNext = true;
    t.app.bolt.use(async ({ body, next }) => {
      if ((body as { type?: string }).type === "view_submission" && failNext) {
        failNext = false;
        throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
      }
      await next();
    });
    const failed = await submitNewProject(viewId);
    expectNotSaved(failed, "disk is full");
    expect(failed.body).toMatchObject({ response_action: "errors" });
    expect(t.db.select().from(projects).all()).toHaveLength(1);

    aMinuteLater();
    expect((await health()).status).toBe(200);
    // The same view, same hash, same values: not taken for a repeat, since nothing was saved.
    const again = await submitNewProject(viewId);
    expect(again.body).toBe("");
    await t.emulator.waitForCall("chat.postMessage", (c) => c.args.channel === OTHER_CHANNEL);
    expect(t.db.select().from(projects).all()).toHaveLength(2);
  });

  it("a listener that throws after its ack says part of it may not have been saved", async () => {
    t.app.bolt.command("/intplan-half", async ({ ack }) => {
      await ack();
      throw new Error("a bug after the ack");
    });
    const res = await t.slack.command({ text: "anything", command: "/intplan-half", channelId: CHANNEL });
    expect(res.status).toBe(200);
    const reply = await t.emulator.waitForResponse((r) =>
      textOf(r.body).includes("Your request was received"),
    );
    expect(textOf(reply.body)).toContain("part of it may not have been saved");
    expect(textOf(reply.body)).not.toContain("Nothing you typed is lost");
  });
});
