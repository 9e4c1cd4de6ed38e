import { setTimeout as sleep } from "node:timers/promises";
import type { SlackRequestResult } from "../emulator/signed-client.js";

export interface LoadPlan {
  requests: number;
  concurrency: number;
  /** performance.now() after which no new request is sent. */
  deadline: number;
  /** A request not answered within this is counted as failed (and no longer waited for). */
  requestTimeoutMs: number;
  /** Each worker waits this long after an answer before its next request (lets the app go idle). */
  pauseMs?: number;
}

export interface LoadResult {
  /** Requests sent (fewer than planned when the deadline cut the round short). */
  sent: number;
  /** Ack latency of every answered request, in ms, from the client's first byte out to the last byte in. */
  latenciesMs: number[];
  /** Requests answered with something other than 200, refused, or timed out. */
  failures: number;
  /** Wall time of the round. */
  elapsedMs: number;
  /** True when the deadline stopped the round before all its requests were sent. */
  cutShort: boolean;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends `requests` requests, `concurrency` at a time (each worker sends its next one as soon as its last one
 * is answered), numbering them from `firstN` for the scenario.
 */
export async function runLoad(
  send: (n: number) => Promise<SlackRequestResult>,
  plan: LoadPlan,
  firstN = 0,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let failures = 0;
  let sent = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < plan.requests && performance.now() < plan.deadline) {
      const n = firstN + sent++;
      const t0 = performance.now();
      try {
        const result = await withTimeout(send(n), plan.requestTimeoutMs);
        if (result.status === 200) latenciesMs.push(performance.now() - t0);
        else failures++;
      } catch {
        failures++;
      }
      if (plan.pauseMs) await sleep(plan.pauseMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, plan.requests) }, worker));
  return {
    sent,
    latenciesMs,
    failures,
    elapsedMs: performance.now() - started,
    cutShort: sent < plan.requests,
  };
}
