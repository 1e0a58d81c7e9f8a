/** Median-ready samples of one library in one scenario: one ops/s figure per round. */
export interface ScenarioResult {
  scenario: 'L1 hit' | 'L2 hit' | 'miss + fill';
  payload: 'row' | 'page';
  lib: string;
  opsPerRound: number[];
}

/** One library's tag invalidation over a number of live entries. */
export interface InvalidationResult {
  lib: string;
  entries: number;
  /** Wall time of the invalidation call, one per sample (fresh fill each). */
  msSamples: number[];
  /** Commands the library's connections sent (MONITOR). */
  roundTrips: number;
  /** Commands Redis executed for them, Lua-internal ones included. */
  serverCommands: number;
  byName: Record<string, number>;
  /** True if an invalidated entry was still served afterwards (a broken invalidation). */
  staleAfter: boolean;
}

export interface RunInfo {
  date: string;
  rounds: number;
  timeMs: number;
  invalidationSamples: number;
  batches: { l1: number; l2: number; miss: number };
  redisVersion: string;
  redisTarget: string;
  durationS: number;
  /** 1-minute load average when the run started and when it ended. */
  load: { start: number; end: number };
  sanity: string[];
  unexpectedLoads: string[];
}
