/** Keeps track of listener work still running, so shutdown (and tests) can wait for it. */
export function createInFlightTracker() {
  const pending = new Map<Promise<unknown>, string>();
  return {
    /** Runs `work` to its end; `label` says what it is (e.g. "command /intplan") while it runs. */
    async track<T>(work: Promise<T>, label = "listener"): Promise<T> {
      pending.set(work, label);
      try {
        return await work;
      } finally {
        pending.delete(work);
      }
    },
    get size() {
      return pending.size;
    },
    /** What is still running, one label per piece of work. */
    describe(): string[] {
      return [...pending.values()];
    },
    /** Resolves true when nothing is running, or false after `timeoutMs`, whichever comes first. */
    async drain(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (pending.size > 0 && Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        const tick = new Promise((r) => {
          timer = setTimeout(r, Math.min(50, Math.max(0, deadline - Date.now())));
        });
        await Promise.race([Promise.allSettled([...pending.keys()]), tick]);
        clearTimeout(timer);
      }
      return pending.size === 0;
    },
  };
}
