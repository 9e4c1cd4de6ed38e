import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../emulator/slack-emulator.js";

import { loadPhases } from "../../src/db/phase-store.js";
import { auditLog, blockers, projects } from "../../src/db/schema.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");

describe("many people changing one project at the same moment", () => {
  let t: TestApp;
  let projectId: number;
  beforeEach(async () => {
    // A change's refresh comes due a minute later, so a burst lands before it; tests move the clock past it.
    t = await startTestApp({ timing: { refreshDelayMs: 60_000 } });
    await createProjectThroughSlack(t);
    projectId = t.db.select().from(projects).get()?.id ?? 0;
    await t.slack.command({ text: "status" });
    await t.idle();
    await t.emulator.waitForCall("pins.add");
  });
  afterEach(async () => {
    await t.close();
  });

  const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

  it("fifty parallel /intplan blocker commands leave fifty numbered blockers, fifty audit rows and one up-to-date board", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.slack.command({ text: `blocker Issue ${i + 1}`, userId: `U0USER${i % 7}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));

    const stored = t.db.select().from(blockers).where(eq(blockers.projectId, projectId)).all();
    expect(stored.map((b) => b.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(new Set(stored.map((b) => b.text)).size).toBe(50);
    expect(audits("blocker.added")).toHaveLength(50);

    await t.idle();
    t.advance(60_000);
    await t.idle();
    expect(pendingJobs(t.db, projectId).filter((j) => j.job === "refresh-status-board")).toEqual([]);
    const lastEdit = t.emulator.callsTo("chat.update").filter(isBoard).at(-1);
    expect(JSON.stringify(lastEdit?.args.blocks)).toContain("*Open blockers (50)*");
    expect(t.emulator.callsTo("chat.update").filter(isBoard).length).toBeLessThan(50);
    expect(t.emulator.callsTo("chat.postMessage").filter(isBoard)).toHaveLength(1);
  });

  it("fifty people resolving the same blocker at once resolve it once", async () => {
    await t.slack.command({ text: "blocker Sandbox credentials" });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.slack.command({ text: "blocker resolve 1", userId: `U0USER${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(results.filter((r) => r.body === "")).toHaveLength(1);
    await t.idle();
    expect(audits("blocker.resolved")).toHaveLength(1);
  });

  it("fifty parallel phase changes: one audit row each, and every phase ends as its last recorded change says", async () => {
    const statuses = ["in-progress", "blocked"] as const;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.slack.command({ text: `phase ${(i % 4) + 2} ${statuses[i % 2]} step ${i}`, userId: `U0USER${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    await t.idle();
    // Every command changed its phase's note, so every one is a change with its own audit row.
    const changes = audits("phase.changed");
    expect(changes).toHaveLength(50);
    // Each phase holds exactly what its last recorded change says, and chains from the change before it.
    for (const number of [2, 3, 4, 5]) {
      const history = changes.filter((a) => a.details.phase === number).sort((a, b) => a.id - b.id);
      const row = loadPhases(t.db, projectId).find((p) => p.number === number);
      expect({ status: row?.status, note: row?.note }).toEqual({
        status: history.at(-1)?.details.to,
        note: history.at(-1)?.details.note,
      });
      for (const [i, change] of history.slice(1).entries())
        expect(change.details.from).toBe(history[i]?.details.to);
    }
  });
});
