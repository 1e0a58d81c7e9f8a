/** What a load run saw: how many calls ended in each outcome. */
export interface LoadReport {
  calls: number;
  /** Count per outcome label (`200`, `503`, `timeout`, …). */
  outcomes: Record<string, number>;
}

/**
 * Runs `worker` on `concurrency` loops until `stop()` is called (or `maxCalls` is reached, so a
 * drill always ends). Each call returns an outcome label; thrown errors count as `error`.
 */
export function startLoad(
  concurrency: number,
  worker: (index: number) => Promise<string>,
  maxCalls = 50_000,
) {
  let running = true;
  let calls = 0;
  const outcomes: Record<string, number> = {};
  const loops = Array.from({ length: concurrency }, async () => {
    while (running && calls < maxCalls) {
      const index = calls++;
      let label: string;
      try {
        label = await worker(index);
      } catch (error) {
        label = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'error';
      }
      outcomes[label] = (outcomes[label] ?? 0) + 1;
    }
  });
  return {
    /** Calls made so far. */
    get calls() {
      return calls;
    },
    /** Stops the loops and waits for the calls in flight. */
    async stop(): Promise<LoadReport> {
      running = false;
      await Promise.all(loops);
      return { calls, outcomes: { ...outcomes } };
    },
  };
}

/** Waits until `calls` more calls have been made, so each phase of a drill sees real traffic. */
export async function waitForCalls(load: { calls: number }, calls: number): Promise<void> {
  const target = load.calls + calls;
  for (let i = 0; i < 2_000 && load.calls < target; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
