/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface TimingBounds {
  iterations: number;
  /** Stop early once this much time is spent (after at least one measured run); warm-up gets half as much. */
  budgetMs: number;
  /** Unmeasured runs first, so lazy compilation and cold caches are not counted. */
  warmup?: number;
}

/** Times `run` (sync or async) up to `iterations` times and returns the median in milliseconds. */
export async function medianTime(
  run: () => unknown,
  { iterations, budgetMs, warmup = 20 }: TimingBounds,
): Promise<{ medianMs: number; samples: number }> {
  const warmupDeadline = performance.now() + budgetMs / 2;
  for (let i = 0; i < warmup && performance.now() < warmupDeadline; i++) await run();
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (times.length < iterations && (times.length === 0 || performance.now() < deadline)) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), samples: times.length };
}
