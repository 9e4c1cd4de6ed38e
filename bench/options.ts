import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { BusyOptions } from "./busy-workspace.js";

/** How big a run is: every loop in the bench is bounded by one of these counts and by a time budget. */
export interface BenchOptions {
  /** Measured requests per scenario per app. */
  requests: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Unmeasured requests per scenario per app before the measured rounds. */
  warmupRequests: number;
  /** Requests per scenario per app sent one at a time, for the latency without queueing. */
  aloneRequests: number;
  /** After each scenario, wait at least this long for the work it left behind (0: do not wait). */
  settleMs: number;
  /** Measured requests are sent in rounds of this size, alternating between the apps. */
  roundSize: number;
  /** Start-ups per app (the median is reported; the last one serves the load). */
  startups: number;
  /** Renders per document and size (the median is reported). */
  renderIterations: number;
  /** Blockers and risks added to the fully answered project, one render case each. */
  renderSizes: number[];
  /** Home view builds per database size (the median is reported). */
  homeIterations: number;
  /** Projects in the database, one Home case each. */
  homeSizes: number[];
  /** Projects in the database, one reminders case each (every project planned once, as after downtime). */
  reminderSizes: number[];
  /** Time budget of the whole load phase; rounds stop early (and say so) past it. */
  loadBudgetMs: number;
  /** The busy-workspace scenario: many channels, Slack's rate limits enforced, a sustained mix of changes. */
  busy: BusyOptions;
  /** A tiny run: proves the bench works; its figures are not meant to be quoted. */
  quick: boolean;
  /** Where the report is written. */
  out: string;
  /** When set, intplan runs with `--cpu-prof` and writes its CPU profile into this folder. */
  profileDir?: string;
  /** Run intplan's TypeScript through tsx instead of the compiled build `npm start` runs (for the smoke test). */
  fromSource: boolean;
}

export const FULL_RUN: Omit<BenchOptions, "out"> = {
  quick: false,
  fromSource: false,
  requests: 2000,
  concurrency: 20,
  warmupRequests: 200,
  aloneRequests: 100,
  settleMs: 2500,
  roundSize: 250,
  startups: 3,
  renderIterations: 50,
  renderSizes: [0, 10, 100, 1000],
  homeIterations: 30,
  homeSizes: [10, 1000, 10_000],
  reminderSizes: [10, 1000],
  loadBudgetMs: 180_000,
  busy: {
    channels: 30,
    durationMs: 60_000,
    // 30 changes a minute across the workspace: each shows on a board (chat.update) and most on a canvas
    // (canvases.edit), both Tier 3 (about 50 a minute per workspace). Faster than that, no app can keep
    // every board fresh within 10 s: the budget, not the app, sets the freshness (BENCHMARKS.md findings).
    changeEveryMs: 2000,
    newChannelEveryMs: 3000,
    drainBudgetMs: 120_000,
  },
};

/** A tiny run that proves the bench works in a few seconds. */
export const QUICK_RUN: Omit<BenchOptions, "out"> = {
  quick: true,
  fromSource: false,
  requests: 30,
  concurrency: 5,
  warmupRequests: 10,
  aloneRequests: 5,
  settleMs: 0,
  roundSize: 15,
  startups: 1,
  renderIterations: 3,
  renderSizes: [0, 10],
  homeIterations: 3,
  homeSizes: [10, 100],
  reminderSizes: [10],
  loadBudgetMs: 20_000,
  busy: {
    channels: 3,
    durationMs: 4000,
    changeEveryMs: 400,
    newChannelEveryMs: 1500,
    drainBudgetMs: 30_000,
  },
};

export const DEFAULT_OUT = "BENCHMARKS.md";

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${flag} must be a whole number of at least 1, not "${value}".`);
  return n;
}

/** Reads `--requests N --concurrency N --quick --out FILE --profile DIR --busy-change-ms N`; anything else is refused with the usage. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      requests: { type: "string" },
      concurrency: { type: "string" },
      quick: { type: "boolean", default: false },
      out: { type: "string", default: DEFAULT_OUT },
      profile: { type: "string" },
      "from-source": { type: "boolean", default: false },
      "busy-change-ms": { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  const base = values.quick ? QUICK_RUN : FULL_RUN;
  const requests = positiveInt("requests", values.requests) ?? base.requests;
  const concurrency = positiveInt("concurrency", values.concurrency) ?? base.concurrency;
  const changeEveryMs = positiveInt("busy-change-ms", values["busy-change-ms"]) ?? base.busy.changeEveryMs;
  return {
    ...base,
    busy: { ...base.busy, changeEveryMs },
    requests,
    concurrency,
    roundSize: Math.min(base.roundSize, requests),
    out: values.out,
    ...(values.profile ? { profileDir: resolve(values.profile) } : {}),
    ...(values["from-source"] ? { fromSource: true } : {}),
  };
}

export const USAGE =
  "Usage: npm run bench -- [--requests N] [--concurrency N] [--quick] [--out FILE] [--profile DIR] [--from-source] [--busy-change-ms N]";
