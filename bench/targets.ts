import type { BenchResults } from "./bench.js";
import type { BusyResult } from "./busy-workspace.js";

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
  /** The busy workspace (issue 10): every modal opens within this of its command… */
  busyModalOpenMs: 1000,
  /** …a change shows on its status board within this for 95 in 100 changes… */
  busyBoardP95Ms: 10_000,
  /** …and on its plan canvas within this. */
  busyCanvasP95Ms: 60_000,
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
      const slowest = Math.max(c.planMs, c.discoveryMs, c.slowestCompanion.ms);
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

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : "—");

/** Shown-or-not and the p95 of one document's freshness, as a measured figure. */
function freshness(f: BusyResult["board"]): string {
  const missing = f.expected - f.shown;
  return `p95 ${seconds(f.p95Ms)}${missing > 0 ? ` (${missing} of ${f.expected} never shown)` : ""}`;
}

function busyVerdicts(results: BenchResults): Verdict[] {
  const b = results.busy;
  const m = b.modalOpens;
  const neverOpened = m.attempts - m.opened;
  return [
    {
      what: "Busy workspace: every modal opens",
      target: `≤ ${TARGETS.busyModalOpenMs / 1000} s from its command`,
      measured: `max ${fmt(m.maxMs)} of ${m.attempts}${neverOpened > 0 ? `, ${neverOpened} never opened` : ""}`,
      met: neverOpened === 0 && m.maxMs <= TARGETS.busyModalOpenMs,
    },
    {
      what: "Busy workspace: board shows a change",
      target: `p95 < ${TARGETS.busyBoardP95Ms / 1000} s`,
      measured: freshness(b.board),
      met: b.board.shown === b.board.expected && b.board.p95Ms < TARGETS.busyBoardP95Ms,
    },
    {
      what: "Busy workspace: canvas shows a change",
      target: `p95 < ${TARGETS.busyCanvasP95Ms / 1000} s`,
      measured: freshness(b.canvas),
      met: b.canvas.shown === b.canvas.expected && b.canvas.p95Ms < TARGETS.busyCanvasP95Ms,
    },
    {
      what: "Busy workspace: warnings posted in channels",
      target: "none",
      measured: String(b.warnings.length),
      met: b.warnings.length === 0,
    },
    {
      what: "Busy workspace: boards and canvases equal the database at the end",
      target: "every channel",
      measured: `${b.converged} of ${b.channels}`,
      met: b.converged === b.channels,
    },
  ];
}

/** Every target the run has figures for (a quick run has no 10,000-project Home, for one). */
export function verdicts(results: BenchResults): Verdict[] {
  return [
    ...ackVerdicts(results),
    ...renderVerdicts(results),
    ...homeVerdicts(results),
    memoryVerdict(results),
    ...busyVerdicts(results),
  ];
}
