import type { ScenarioResult } from "./ack-latency.js";
import type { BenchResults } from "./bench.js";
import type { HomeCase } from "./home.js";
import type { RenderCase } from "./rendering.js";

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

export interface Verdict {
  met: boolean;
  /** What was measured, in words. */
  detail: string;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export function ackVerdict(result: ScenarioResult): Verdict {
  const { intplan, floor } = result.figures;
  const ratio = intplan.p99Ms / floor.p99Ms;
  const met =
    ratio <= TARGETS.ackP99RatioToFloor && intplan.p99Ms < TARGETS.ackP99Ms && intplan.failures === 0;
  return {
    met,
    detail: `p99 ${fmt(intplan.p99Ms)} = ${ratio.toFixed(2)}× floor${intplan.failures > 0 ? ` (${intplan.failures} failed)` : ""}`,
  };
}

/** The document target is for a fully answered project as it is (size 0); bigger sizes show the growth. */
export function renderVerdict(c: RenderCase): Verdict | undefined {
  if (c.size !== 0) return undefined;
  const worst = Math.max(c.planMs, c.discoveryMs);
  return {
    met: worst < TARGETS.documentMs,
    detail: `slowest ${fmt(worst)} (target < ${TARGETS.documentMs} ms)`,
  };
}

export function homeVerdict(c: HomeCase): Verdict | undefined {
  if (c.projects !== TARGETS.homeAtProjects) return undefined;
  return { met: c.medianMs < TARGETS.homeMs, detail: fmt(c.medianMs) };
}

export function memoryVerdict(results: BenchResults): Verdict {
  const rss = results.apps.intplan.memoryAfterLoad.rssMb;
  return { met: rss < TARGETS.memoryMb, detail: `${rss.toFixed(0)} MB` };
}
