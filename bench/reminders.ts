import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/client.js";
import { planAndRecordReminders } from "../src/services/reminders.js";
import { seedProjects } from "./home.js";

export interface RemindersCase {
  projects: number;
  /** Planning and recording every project's reminders once, as after a week offline. */
  totalMs: number;
  /** The slowest single project's planning. */
  slowestMs: number;
  /** Nudges the pass recorded (every third project has two blockers open for weeks). */
  nudges: number;
}

/** A directory that knows every person's zone without asking Slack (the figure is intplan's own work). */
const people = {
  person: async () => ({ status: "named" as const, name: "Pat" }),
  channel: async () => ({ status: "named" as const, name: "int-client" }),
  timeZone: async () => "Europe/Berlin",
};

/**
 * The reminders job's own work (the database reads, the plan in working time, the ledger writes), for a
 * workspace of 10, 1,000 projects after a week offline: each project's `planAndRecordReminders` once, with
 * Slack left out. The seeded projects are Home's (bench/home.ts), four weeks old.
 */
export async function measureReminders(options: { sizes: readonly number[] }): Promise<RemindersCase[]> {
  const cases: RemindersCase[] = [];
  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), "intplan-bench-reminders-"));
    const database = openDatabase(join(dir, "intplan.sqlite"));
    try {
      seedProjects(database.db, size);
      const now = new Date(Date.UTC(2026, 0, 29, 10));
      const deps = { db: database.db, clock: () => now, people };
      const dueAt = new Date(now.getTime() - 7 * 24 * 60 * 60_000);
      let slowestMs = 0;
      let nudges = 0;
      const started = performance.now();
      for (let projectId = 1; projectId <= size; projectId++) {
        const one = performance.now();
        const run = await planAndRecordReminders(deps, { projectId, dueAt });
        slowestMs = Math.max(slowestMs, performance.now() - one);
        nudges += run?.nudges.length ?? 0;
      }
      cases.push({ projects: size, totalMs: performance.now() - started, slowestMs, nudges });
    } finally {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return cases;
}
