/**
 * Outbox claims with two processes on one database file (two better-sqlite3 connections, as two app
 * processes have): a due job runs once; a claim left by a process that died lapses after its lease; the
 * recurring reminders job is rescheduled to the time its run gave and brought forward by a change.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, type OpenDatabase, openDatabase } from "../../src/db/client.js";
import { outbox } from "../../src/db/schema.js";
import { createLogger } from "../../src/logger.js";
import { claimJob, dueJobs, enqueueJob } from "../../src/outbox/queue.js";
import { createOutboxWorker, type JobHandler } from "../../src/outbox/worker.js";
import { classifySlackFailure } from "../../src/slack/background-failures.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const LEASE_MS = 60_000;
const DAY = 24 * 60 * 60_000;

describe("outbox claims across processes", () => {
  let p: ProjectDb;
  /** The first process's connection (the project's own), and a second process's to the same file. */
  let first: Db;
  let second: OpenDatabase;
  let now: Date;
  let projectId: number;

  beforeEach(() => {
    p = openProjectDb();
    first = p.db;
    second = openDatabase(p.path);
    now = T0;
    projectId = p.project.id;
  });
  afterEach(() => {
    second.close();
    p.close();
  });

  const clock = () => now;
  const worker = (db: Db, owner: string, reminders: JobHandler) =>
    createOutboxWorker({
      db,
      clock,
      logger: createLogger({ level: "error", secrets: [], write: () => {} }),
      handlers: { reminders },
      classifyFailure: classifySlackFailure,
      onGiveUp: async () => {},
      owner,
      leaseMs: LEASE_MS,
      pollMs: 5,
    });
  const row = () => first.select().from(outbox).where(eq(outbox.job, "reminders")).get();

  it("a project's reminders job is due from its creation, and two workers on one file run it once", async () => {
    expect(row()).toMatchObject({ projectId, runAfter: T0, claimedBy: null });
    const runs: string[] = [];
    const handler =
      (who: string): JobHandler =>
      async () => {
        runs.push(who);
        // Slow enough that the other worker looks while this one holds the claim.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { nextRunAt: new Date(now.getTime() + DAY) };
      };
    now = new Date(T0.getTime() + 1000);
    const a = worker(first, "process-a", handler("a"));
    const b = worker(second.db, "process-b", handler("b"));
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(runs).toHaveLength(1);
    expect(row()).toMatchObject({
      runAfter: new Date(now.getTime() + DAY),
      claimedBy: null,
      claimedUntil: null,
    });
  });

  it("a claim left by a process that died lapses after its lease, and another process runs the job", async () => {
    now = new Date(T0.getTime() + 1000);
    const seen = dueJobs(first, now);
    expect(seen).toHaveLength(1);
    // Process A claims the job, then dies before running it.
    const claimed = claimJob(first, seen[0] as NonNullable<(typeof seen)[0]>, {
      owner: "process-a",
      now,
      until: new Date(now.getTime() + LEASE_MS),
    });
    expect(claimed).toBeDefined();
    let runs = 0;
    const b = worker(second.db, "process-b", async () => {
      runs += 1;
      return { nextRunAt: new Date(now.getTime() + DAY) };
    });
    now = new Date(now.getTime() + LEASE_MS - 1);
    await b.runDue();
    expect(runs).toBe(0);
    now = new Date(now.getTime() + 2);
    await b.runDue();
    expect(runs).toBe(1);
    expect(row()).toMatchObject({ claimedBy: null });
  });

  it("a recurring job waits for the time its run gave, and a change brings it forward, never back", async () => {
    now = new Date(T0.getTime() + 1000);
    let runs = 0;
    const a = worker(first, "process-a", async () => {
      runs += 1;
      return { nextRunAt: new Date(now.getTime() + DAY) };
    });
    await a.runDue();
    const next = new Date(now.getTime() + DAY);
    expect(row()?.runAfter).toEqual(next);
    now = new Date(now.getTime() + 60_000);
    await a.runDue();
    expect(runs).toBe(1);

    // A change (a blocker logged, say) asks for the job in a minute: it is brought forward.
    const soon = new Date(now.getTime() + 60_000);
    enqueueJob(second.db, { projectId, job: "reminders", actorId: "U0PM", runAfter: soon, now });
    expect(row()?.runAfter).toEqual(soon);
    // A later ask does not put it back.
    enqueueJob(second.db, { projectId, job: "reminders", actorId: "U0PM", runAfter: next, now });
    expect(row()?.runAfter).toEqual(soon);
    now = soon;
    await a.runDue();
    expect(runs).toBe(2);
    expect(first.select().from(outbox).all()).toHaveLength(1);
  });
});
