/** Keeps track of listener work still running, so shutdown can wait for it. */
export function createInFlightTracker() {
  const pending = new Set<Promise<unknown>>();
  return {
    async track<T>(work: Promise<T>): Promise<T> {
      pending.add(work);
      try {
        return await work;
      } finally {
        pending.delete(work);
      }
    },
    get size() {
      return pending.size;
    },
    /** Resolves when nothing is running, or after `timeoutMs`, whichever comes first. */
    async drain(timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (pending.size > 0 && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...pending]), new Promise((r) => setTimeout(r, 50))]);
      }
    },
  };
}
