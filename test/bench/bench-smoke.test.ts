import { afterAll, describe, expect, it } from "vitest";
import { runBench } from "../../bench/bench.js";
import { createChildProcesses } from "../../bench/child-app.js";
import { QUICK_RUN } from "../../bench/options.js";
import { renderReport } from "../../bench/report.js";

/** A few requests through the whole bench: it must keep running, and its figures must make sense. */
describe("npm run bench, in miniature", () => {
  const children = createChildProcesses();
  afterAll(() => children.killAll());

  it("measures both apps, the documents, App Home and reminders, and reports them against the targets", async () => {
    const options = {
      ...QUICK_RUN,
      // From source, so the test needs no build; `npm run bench` runs the compiled build as `npm start` does.
      fromSource: true,
      requests: 12,
      warmupRequests: 4,
      aloneRequests: 3,
      roundSize: 6,
      renderSizes: [0, 10],
      renderIterations: 2,
      homeSizes: [10],
      homeIterations: 2,
      busy: {
        channels: 2,
        durationMs: 3000,
        changeEveryMs: 400,
        newChannelEveryMs: 1500,
        drainBudgetMs: 30_000,
      },
      out: "unused.md",
    };
    const results = await runBench(options, children, () => {});

    expect(results.ack.map((r) => r.scenario)).toEqual(["status", "blocker", "interview"]);
    for (const { figures } of results.ack) {
      for (const f of [figures.intplan, figures.floor]) {
        expect(f).toMatchObject({ requests: 12, failures: 0, cutShort: false });
        expect(f.p50Ms).toBeGreaterThan(0);
        expect(f.p95Ms).toBeGreaterThanOrEqual(f.p50Ms);
        expect(f.p99Ms).toBeGreaterThanOrEqual(f.p95Ms);
        expect(f.p99Ms).toBeLessThan(3000);
        expect(f.aloneP50Ms).toBeGreaterThan(0);
        expect(f.perSecond).toBeGreaterThan(0);
        expect(f.rssMb).toBeGreaterThan(10);
      }
    }
    for (const app of [results.apps.intplan, results.apps.floor]) {
      expect(app.startupsMs).toHaveLength(1);
      expect(app.startupsMs[0]).toBeGreaterThan(0);
      expect(app.memoryAfterLoad.peakRssMb).toBeGreaterThanOrEqual(app.memoryAfterLoad.rssMb);
    }
    const [asAnswered, grown] = results.rendering;
    expect(asAnswered?.planMs).toBeGreaterThan(0);
    expect(asAnswered?.slowestCompanion.ms).toBeGreaterThan(0);
    expect(grown?.planChars).toBeGreaterThan(asAnswered?.planChars ?? Number.POSITIVE_INFINITY);
    expect(results.home).toMatchObject([{ projects: 10, blocks: expect.any(Number) }]);
    expect(results.home[0]?.blocks).toBeGreaterThan(10);
    // Ten projects a week offline: every third has two blockers open for weeks, each nudged once.
    expect(results.reminders).toMatchObject([{ projects: 10, nudges: 6 }]);

    const { busy } = results;
    expect(busy.channels).toBe(2);
    // A change the app failed to ack is counted in the report ("not acked"), not thrown: a loaded machine can
    // make a checklist's trigger expire, and the bench reports that rather than stopping.
    expect(busy.changes).toBeGreaterThan(0);
    for (const document of [busy.board, busy.canvas]) {
      expect(document.expected).toBeGreaterThan(0);
      // Every change is measured; whether it showed in time is the report's verdict, not this test's.
      expect(document.shown).toBeLessThanOrEqual(document.expected);
    }
    expect(busy.slackCalls).toBeGreaterThan(0);
    expect(busy.modalOpens.attempts).toBeGreaterThan(0);
    expect(busy.converged + busy.mismatches.length).toBe(2);

    const report = renderReport(results, {
      command: "npm run bench -- --quick",
      generatedAt: new Date(),
      findings: "None.",
    });
    expect(report).toContain("This was a `--quick` run");
    expect(report).toMatch(
      /\| Ack `\/intplan status` \| p99 ≤ 1\.5× floor and < 100 ms \| p99 [\d.]+ ms = [\d.]+× floor \| (met|\*\*missed\*\*) \|/,
    );
    expect(report).toContain("| Render each document (fully answered) | < 10 ms |");
    expect(report).toContain("| intplan resident memory after the load | < 150 MB |");
    expect(report).toContain("## A busy workspace");
    expect(report).toMatch(/\| Status board \| \d+ of \d+ \|/);
    expect(report).toMatch(/\d+ changes: \d+ blocker, .*; \d+ not acked\)/);
    expect(report).toContain("| Busy workspace: board shows a change | p95 < 10 s |");
    expect(report).toContain("| Busy workspace: every modal opens | ≤ 1 s from its command |");
  }, 120_000);
});
