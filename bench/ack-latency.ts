import { setTimeout as sleep } from "node:timers/promises";
import type { SignedClient } from "../emulator/signed-client.js";
import type { SlackEmulator } from "../emulator/slack-emulator.js";
import type { ChildApp } from "./child-app.js";
import { type LoadResult, runLoad } from "./load.js";
import type { Scenario } from "./scenarios.js";
import { percentile } from "./stats.js";

export type AppName = "intplan" | "floor";

export interface AppUnderLoad {
  name: AppName;
  slack: SignedClient;
  process: Pick<ChildApp, "cpuMs" | "memory">;
}

export interface LoadFigures {
  /** Answered with 200. */
  requests: number;
  failures: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Answered requests per second of wall time spent in this app's rounds. */
  perSecond: number;
  /** True when the time budget cut a round short. */
  cutShort: boolean;
  /** Median ack latency with one request at a time, the app otherwise idle (no queueing). */
  aloneP50Ms: number;
  /** The app's CPU time over the whole scenario (work after the ack included) per request it was sent. */
  cpuMsPerRequest: number;
  /** Resident memory at the end of the scenario. */
  rssMb: number;
}

export interface ScenarioResult {
  scenario: Scenario["id"];
  label: string;
  figures: Record<AppName, LoadFigures>;
}

export interface AckLoadPlan {
  requests: number;
  concurrency: number;
  warmupRequests: number;
  /** Requests sent one at a time, for the latency without queueing. */
  aloneRequests: number;
  roundSize: number;
  settleMs: number;
  /** performance.now() after which no new request is sent. */
  deadline: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
interface Pace {
  concurrency: number;
  /** Pause after each answer, per worker. */
  pauseMs?: number;
}

/** One request at a time, each after the app has finished the work the last one left (posting to Slack). */
const ALONE: Pace = { concurrency: 1, pauseMs: 30 };
const SETTLE = { quietMs: 500, atMostMs: 10_000 };

/**
 * Waits at least `atLeastMs`, then until no app has used CPU for a while (bounded), so the work a scenario
 * leaves behind (intplan refreshes the status board 2 s after a change) is counted in that scenario.
 */
async function settle(apps: readonly AppUnderLoad[], atLeastMs: number): Promise<void> {
  if (atLeastMs <= 0) return;
  const cpu = () => apps.reduce((sum, a) => sum + a.process.cpuMs(), 0);
  const started = performance.now();
  let last = cpu();
  let quietSince = started;
  while (performance.now() - started < SETTLE.atMostMs) {
    await sleep(100);
    const now = cpu();
    if (now !== last) quietSince = performance.now();
    last = now;
    if (performance.now() - started >= atLeastMs && performance.now() - quietSince >= SETTLE.quietMs) return;
  }
}

function summarise(
  rounds: LoadResult[],
  alone: LoadResult,
  cpuMsPerRequest: number,
  rssMb: number,
): LoadFigures {
  const latencies = rounds.flatMap((r) => r.latenciesMs);
  const elapsedMs = rounds.reduce((sum, r) => sum + r.elapsedMs, 0);
  return {
    requests: latencies.length,
    failures: rounds.reduce((sum, r) => sum + r.failures, 0) + alone.failures,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    perSecond: elapsedMs > 0 ? (latencies.length / elapsedMs) * 1000 : 0,
    cutShort: rounds.some((r) => r.cutShort) || alone.cutShort,
    aloneP50Ms: percentile(alone.latenciesMs, 50),
    cpuMsPerRequest,
    rssMb,
  };
}

/**
 * One scenario: a warm-up on every app, requests one at a time, then measured rounds that alternate between the
 * apps (swapping which goes first each round), so both meet the same machine, the same background work and
 * the same emulator. The emulator's call log is cleared after each round to keep the bench's own memory flat.
 */
async function measureScenario(
  apps: readonly AppUnderLoad[],
  scenario: Scenario,
  plan: AckLoadPlan,
  emulator: SlackEmulator,
): Promise<ScenarioResult> {
  const sentBy = new Map<AppName, number>(apps.map((a) => [a.name, 0]));
  const cpuBefore = new Map(apps.map((a) => [a.name, a.process.cpuMs()]));
  const round = async (
    app: AppUnderLoad,
    requests: number,
    pace: Pace = { concurrency: plan.concurrency },
  ) => {
    const load = { requests, ...pace, deadline: plan.deadline, requestTimeoutMs: REQUEST_TIMEOUT_MS };
    const firstN = sentBy.get(app.name) ?? 0;
    const result = await runLoad((n) => scenario.send(app.slack, n), load, firstN);
    sentBy.set(app.name, firstN + result.sent);
    emulator.reset();
    return result;
  };

  for (const app of apps) await round(app, plan.warmupRequests);
  const alone = new Map<AppName, LoadResult>();
  for (const app of apps) alone.set(app.name, await round(app, plan.aloneRequests, ALONE));
  const rounds = new Map<AppName, LoadResult[]>(apps.map((a) => [a.name, []]));
  for (let i = 0; i * plan.roundSize < plan.requests; i++) {
    const size = Math.min(plan.roundSize, plan.requests - i * plan.roundSize);
    const order = i % 2 === 0 ? apps : [...apps].reverse();
    for (const app of order) rounds.get(app.name)?.push(await round(app, size));
  }
  await settle(apps, plan.settleMs);

  const figuresOf = (app: AppUnderLoad): [AppName, LoadFigures] => {
    const cpuMs = app.process.cpuMs() - (cpuBefore.get(app.name) ?? 0);
    const perRequest = cpuMs / Math.max(1, sentBy.get(app.name) ?? 0);
    const aloneResult = alone.get(app.name) as LoadResult;
    return [
      app.name,
      summarise(rounds.get(app.name) ?? [], aloneResult, perRequest, app.process.memory().rssMb),
    ];
  };
  const figures = Object.fromEntries(apps.map(figuresOf)) as Record<AppName, LoadFigures>;
  return { scenario: scenario.id, label: scenario.label, figures };
}

export async function measureAckLatency(
  apps: readonly AppUnderLoad[],
  scenarios: readonly Scenario[],
  plan: AckLoadPlan,
  emulator: SlackEmulator,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await measureScenario(apps, scenario, plan, emulator));
  return results;
}
