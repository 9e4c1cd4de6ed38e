/**
 * The outbox worker on a real database: jobs of different projects run side by side (bounded), never two of
 * one project; rate limits put a job off without counting; permanent Slack errors are announced once per
 * document and cause; a database that fails is logged and waited out, and the work finishes afterwards.
 */
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../src/db/client.js";
import { outbox } from "../../src/db/schema.js";
import { createLogger } from "../../src/logger.js";
import { enqueueJob, type OutboxJob, type OutboxRow, pendingJobs } from "../../src/outbox/queue.js";
import {
  createOutboxWorker,
  type GiveUp,
  isStorageError,
  type JobHandler,
  type OutboxWorkerOptions,
} from "../../src/outbox/worker.js";
import { classifySlackFailure } from "../../src/slack/background-failures.js";
import { SlackDeferredError } from "../../src/slack/clients.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

/** A promise the test settles by hand: a Slack call that answers when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Slack's answers, shaped as @slack/web-api throws them. */
const platformError = (code: string) =>
  Object.assign(new Error(`An API error occurred: ${code}`), {
    code: "slack_webapi_platform_error",
    data: { ok: false, error: code },
  });
const rateLimited = (retryAfterSeconds: number) =>
  Object.assign(new Error("A rate-limit has been reached"), {
    code: "slack_webapi_rate_limited_error",
    retryAfter: retryAfterSeconds,
  });
const diskFull = () => new Database.SqliteError("database or disk is full", "SQLITE_FULL");

describe("the outbox worker", () => {
  let p: ProjectDb;
  let now: Date;
  let logs: string[];
  let notes: { projectId: number; job: string; reason: GiveUp }[];
  beforeEach(() => {
    p = openProjectDb();
    now = T0;
    logs = [];
    notes = [];
  });
  afterEach(() => p.close());

  const clock = () => now;
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const enqueue = (projectId: number, job: OutboxJob = "refresh-status-board") =>
    enqueueJob(p.db, { projectId, job, actorId: "U0PM", runAfter: now, now });

  function worker(
    handlers: Partial<Record<OutboxJob, JobHandler>>,
    options: Partial<OutboxWorkerOptions> = {},
  ) {
    // These tests are about one-off jobs: the projects' recurring reminders job (every project has one from
    // its creation) is left out here; outbox-claims.test.ts has it.
    p.db.delete(outbox).where(eq(outbox.job, "reminders")).run();
    return createOutboxWorker({
      db: p.db,
      clock,
      logger: createLogger({ level: "debug", secrets: [], write: (line) => logs.push(line) }),
      handlers,
      classifyFailure: classifySlackFailure,
      onGiveUp: async (row: OutboxRow, reason: GiveUp) => {
        notes.push({ projectId: row.projectId, job: row.job, reason });
      },
      pollMs: 5,
      retryBaseMs: 1000,
      maxAttempts: 3,
      ...options,
    });
  }

  it("runs the jobs of six projects four at a time, and a slow one holds up nobody", async () => {
    const projects = [p.project.id, ...["C02", "C03", "C04", "C05", "C06"].map((c) => p.addProject(c).id)];
    for (const id of projects) enqueue(id);
    const slow = gate();
    const running = new Set<number>();
    let most = 0;
    const done: number[] = [];
    const w = worker({
      "refresh-status-board": async (row) => {
        running.add(row.projectId);
        most = Math.max(most, running.size);
        if (row.projectId === p.project.id) await slow.opened;
        else await new Promise((resolve) => setImmediate(resolve));
        running.delete(row.projectId);
        done.push(row.projectId);
      },
    });
    const all = w.runDue();
    // Every other project finishes while the first one's Slack call is still hanging.
    await vi.waitFor(() => expect(done.sort()).toEqual(projects.slice(1).sort()));
    expect(running).toEqual(new Set([p.project.id]));
    slow.open();
    expect(await all).toBe(6);
    expect(most).toBe(4);
    expect(projects.flatMap((id) => pendingJobs(p.db, id))).toEqual([]);
  });

  it("never runs two jobs of one project at once", async () => {
    enqueue(p.project.id, "refresh-status-board");
    enqueue(p.project.id, "refresh-plan");
    let running = 0;
    let most = 0;
    const job: JobHandler = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
    };
    const w = worker({ "refresh-status-board": job, "refresh-plan": job });
    expect(await w.runDue()).toBe(2);
    expect(most).toBe(1);
  });

  it("puts a rate-limited job off until Retry-After, without counting it as a failed attempt", async () => {
    enqueue(p.project.id);
    let calls = 0;
    const w = worker({
      "refresh-status-board": async () => {
        calls += 1;
        if (calls <= 5)
          throw calls % 2 ? rateLimited(6) : new SlackDeferredError("chat.update", 6000, "test");
      },
    });
    for (let i = 1; i <= 5; i++) {
      await w.runDue();
      const [row] = pendingJobs(p.db, p.project.id);
      expect(row).toMatchObject({ attempts: 0, runAfter: new Date(now.getTime() + 6000) });
      // Not due before Slack's Retry-After.
      advance(5999);
      expect(await w.runDue()).toBe(0);
      advance(1);
    }
    await w.runDue();
    expect(calls).toBe(6);
    expect(pendingJobs(p.db, p.project.id)).toEqual([]);
    expect(notes).toEqual([]);
  });

  it("drops a job Slack refuses for good at once, and tells the channel once per document and cause", async () => {
    let error: unknown = platformError("free_teams_cannot_edit_standalone_canvases");
    let calls = 0;
    const handlers = {
      "refresh-plan": async () => {
        calls += 1;
        if (error) throw error;
      },
    };
    const burst = async (w: ReturnType<typeof worker>) => {
      enqueue(p.project.id, "refresh-plan");
      await w.runDue();
      expect(pendingJobs(p.db, p.project.id)).toEqual([]);
    };
    const w = worker(handlers);
    await burst(w);
    expect(calls).toBe(1);
    await burst(w);
    // A restart remembers what the channel was told.
    await burst(worker(handlers));
    expect(calls).toBe(3);
    expect(notes).toEqual([
      {
        projectId: p.project.id,
        job: "refresh-plan",
        reason: { cause: "free_teams_cannot_edit_standalone_canvases", permanent: true },
      },
    ]);
    // A new reason is news; so is the old one again once the job has worked in between.
    error = platformError("invalid_arguments");
    await burst(w);
    error = undefined;
    await burst(w);
    error = platformError("invalid_arguments");
    await burst(w);
    expect(notes.map((n) => n.reason.cause)).toEqual([
      "free_teams_cannot_edit_standalone_canvases",
      "invalid_arguments",
      "invalid_arguments",
    ]);
  });

  it("gives up on a transient failure after the last attempt, once per cause across bursts", async () => {
    const w = worker({
      "refresh-status-board": async () => {
        throw platformError("canvas_editing_failed");
      },
    });
    for (let burst = 0; burst < 2; burst++) {
      enqueue(p.project.id);
      for (let attempt = 0; attempt < 3; attempt++) {
        await w.runDue();
        advance(10 * 60_000);
      }
      expect(pendingJobs(p.db, p.project.id)).toEqual([]);
    }
    expect(notes.map((n) => n.reason)).toEqual([{ cause: "canvas_editing_failed", permanent: false }]);
  });

  describe("when the database fails", () => {
    /** The real database, except that the chosen statements throw SQLITE_FULL while `failing` is set. */
    function flakyDb(fail: { writes: boolean; reads: boolean }): Db {
      return new Proxy(p.db, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          const isWrite = prop === "delete" || prop === "update" || prop === "insert";
          if ((isWrite && fail.writes) || (prop === "select" && fail.reads)) {
            return () => {
              throw diskFull();
            };
          }
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    }

    it("completing and rescheduling fail: logged, the process stays up, and the job completes later", async () => {
      const fail = { writes: false, reads: false };
      enqueue(p.project.id);
      let calls = 0;
      const w = worker(
        {
          // The job is claimed (a write) before it runs; the disk fills during the first two Slack calls.
          "refresh-status-board": async () => {
            calls += 1;
            if (calls <= 2) fail.writes = true;
            if (calls === 2) throw platformError("internal_error");
          },
        },
        { db: flakyDb(fail), maxStorageBackoffMs: 40 },
      );
      const logged = (what: string) => logs.some((l) => l.includes(`the database failed while ${what}`));
      w.start();
      // First run: Slack took it, but the database could not clear it. Logged; the row stays, still this
      // process's, which runs it again (not waiting out its own claim) once the database takes writes.
      await vi.waitFor(() => expect(logged("completing")).toBe(true));
      expect(pendingJobs(p.db, p.project.id)).toHaveLength(1);
      fail.writes = false;
      // Second: Slack failed, and it could not be rescheduled either. Logged; the worker keeps polling.
      await vi.waitFor(() => expect(logged("rescheduling")).toBe(true));
      expect(calls).toBe(2);
      fail.writes = false;
      await vi.waitFor(() => expect(pendingJobs(p.db, p.project.id)).toEqual([]));
      expect(calls).toBe(3);
      await w.stop();
    });

    it("looking for due jobs fails: the poll backs off, doubling, and resumes when the database answers", async () => {
      const fail = { writes: false, reads: true };
      enqueue(p.project.id);
      const ran = vi.fn(async () => {});
      const w = worker({ "refresh-status-board": ran }, { db: flakyDb(fail), maxStorageBackoffMs: 80 });
      w.start();
      await vi.waitFor(() =>
        expect(logs.filter((l) => l.includes("looking for due jobs")).length).toBeGreaterThanOrEqual(5),
      );
      const waits = logs
        .filter((l) => l.includes("looking for due jobs"))
        .map((l) => Number(/retrying in (\d+) ms/.exec(l)?.[1]));
      expect(waits.slice(0, 5)).toEqual([10, 20, 40, 80, 80]);
      expect(ran).not.toHaveBeenCalled();
      fail.reads = false;
      await vi.waitFor(() => expect(pendingJobs(p.db, p.project.id)).toEqual([]));
      expect(ran).toHaveBeenCalledTimes(1);
      await w.stop();
    });

    it("a handler's own read fails: not counted as an attempt, run again once the database answers", async () => {
      enqueue(p.project.id);
      let calls = 0;
      const w = worker({
        "refresh-status-board": async () => {
          calls += 1;
          if (calls <= 5) throw diskFull();
        },
      });
      for (let i = 0; i < 5; i++) await w.runDue();
      expect(pendingJobs(p.db, p.project.id)).toMatchObject([{ attempts: 0 }]);
      await w.runDue();
      expect(pendingJobs(p.db, p.project.id)).toEqual([]);
      expect(notes).toEqual([]);
    });
  });

  it("idle() waits for running jobs and for jobs that came due meanwhile", async () => {
    enqueue(p.project.id);
    const other = p.addProject("C0OTHER").id;
    const order: string[] = [];
    const w = worker({
      "refresh-status-board": async (row) => {
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`board ${row.projectId}`);
        // The first job's change asks for another project's refresh, due at once.
        if (row.projectId === p.project.id) enqueue(other);
      },
    });
    await w.idle();
    expect(order).toEqual([`board ${p.project.id}`, `board ${other}`]);
  });
});

describe("what counts as the database failing", () => {
  it("is disk full, read-only, locked or I/O; not a constraint or a bug in a query", () => {
    const e = (code: string) => new Database.SqliteError("x", code);
    for (const code of [
      "SQLITE_FULL",
      "SQLITE_IOERR_WRITE",
      "SQLITE_READONLY",
      "SQLITE_BUSY",
      "SQLITE_CANTOPEN",
    ])
      expect(isStorageError(e(code))).toBe(true);
    for (const code of ["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_ERROR", "SQLITE_MISMATCH"])
      expect(isStorageError(e(code))).toBe(false);
    expect(isStorageError(new Error("socket hang up"))).toBe(false);
  });
});
