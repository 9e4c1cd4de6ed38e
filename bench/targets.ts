import type { BenchResults } from "./bench.js";

/** The targets of issue 7, for a 2-core machine. */
export const TARGETS = {
  /** intplan's p99 ack latency at most this many times the floor's... */
  ackP99RatioToFloor: 1.5,
  /** ...and under this. */
  ackP99Ms: 100,
  /** Each document of a fully answered project. */
  documentMs: 10,
  homeMs: 50,
  homeAtProjects: 10_000,
  memoryMb: 150,
} as const;

/** One target checked against the figures. */
export interface Verdict {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function ackVerdicts(results: BenchResults): Verdict[] {
  return results.ack.map(({ label, figures: { intplan, floor } }) => {
    const ratio = intplan.p99Ms / floor.p99Ms;
    const failed = intplan.failures > 0 ? ` (${intplan.failures} failed)` : "";
    return {
      what: `Ack ${label}`,
      target: `p99 ≤ ${TARGETS.ackP99RatioToFloor}× floor and < ${TARGETS.ackP99Ms} ms`,
      measured: `p99 ${fmt(intplan.p99Ms)} = ${ratio.toFixed(2)}× floor${failed}`,
      met: ratio <= TARGETS.ackP99RatioToFloor && intplan.p99Ms < TARGETS.ackP99Ms && intplan.failures === 0,
    };
  });
}

/** The document target is for a fully answered project as it is (size 0); bigger sizes show the growth. */
function renderVerdicts(results: BenchResults): Verdict[] {
  return results.rendering
    .filter((c) => c.size === 0)
    .map((c) => {
      const slowest = Math.max(c.planMs, c.discoveryMs);
      return {
        what: "Render each document (fully answered)",
        target: `< ${TARGETS.documentMs} ms`,
        measured: `slowest ${fmt(slowest)}`,
        met: slowest < TARGETS.documentMs,
      };
    });
}

function homeVerdicts(results: BenchResults): Verdict[] {
  return results.home
    .filter((c) => c.projects === TARGETS.homeAtProjects)
    .map((c) => ({
      what: `App Home, ${c.projects.toLocaleString("en-US")} projects`,
      target: `< ${TARGETS.homeMs} ms`,
      measured: fmt(c.medianMs),
      met: c.medianMs < TARGETS.homeMs,
    }));
}

function memoryVerdict(results: BenchResults): Verdict {
  const rss = results.apps.intplan.memoryAfterLoad.rssMb;
  return {
    what: "intplan resident memory after the load",
    target: `< ${TARGETS.memoryMb} MB`,
    measured: `${rss.toFixed(0)} MB`,
    met: rss < TARGETS.memoryMb,
  };
}

/** Every target the run has figures for (a quick run has no 10,000-project Home, for one). */
export function verdicts(results: BenchResults): Verdict[] {
  return [
    ...ackVerdicts(results),
    ...renderVerdicts(results),
    ...homeVerdicts(results),
    memoryVerdict(results),
  ];
}
