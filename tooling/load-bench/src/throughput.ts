import { type LoadResult, load } from './cannon';
import { queryPath } from './http';
import type { ApiProcess, CacheTiers } from './processes';
import { median } from './stats';

export interface ThroughputCase {
  key: string;
  procedure: 'vehicle.list' | 'vehicle.byId' | 'system.ping';
  tiers: CacheTiers;
  /** Whether the session cookie is sent (every staff procedure needs it; ping does not). */
  cookie: boolean;
  label: string;
}

export interface ThroughputResult extends ThroughputCase {
  rounds: LoadResult[];
  /** Medians over the rounds. */
  rps: number;
  p50: number;
  p99: number;
  apiCpu: number;
  loaderCpu: number;
  failed: number;
  bytesPerResponse: number;
}

export const throughputCases: ThroughputCase[] = [
  { key: 'list-off', procedure: 'vehicle.list', tiers: 'off', cookie: true, label: 'cache off' },
  { key: 'list-l2', procedure: 'vehicle.list', tiers: 'l2', cookie: true, label: 'L2 only' },
  { key: 'list-l1l2', procedure: 'vehicle.list', tiers: 'l1+l2', cookie: true, label: 'L1+L2' },
  { key: 'byid-off', procedure: 'vehicle.byId', tiers: 'off', cookie: true, label: 'cache off' },
  { key: 'byid-l2', procedure: 'vehicle.byId', tiers: 'l2', cookie: true, label: 'L2 only' },
  { key: 'byid-l1l2', procedure: 'vehicle.byId', tiers: 'l1+l2', cookie: true, label: 'L1+L2' },
  {
    key: 'ping',
    procedure: 'system.ping',
    tiers: 'l1+l2',
    cookie: false,
    label: 'bare procedure (ceiling)',
  },
  {
    key: 'ping-session',
    procedure: 'system.ping',
    tiers: 'l1+l2',
    cookie: true,
    label: 'bare procedure + session cookie',
  },
];

/** The request paths of a case: one fixed path, or the byId ids cycled over. */
export function pathsOf(procedure: ThroughputCase['procedure'], ids: readonly number[]): string[] {
  if (procedure === 'vehicle.list') return [queryPath('vehicle.list', { limit: 50 })];
  if (procedure === 'system.ping') return [queryPath('system.ping')];
  return ids.map((id) => queryPath('vehicle.byId', { id }));
}

/**
 * Rounds × cases, interleaved (round 1 runs every case, then round 2...), so drift in the
 * machine's load spreads over all cases instead of landing on one.
 */
export async function runThroughput(options: {
  apis: Record<CacheTiers, ApiProcess>;
  cookies: Record<CacheTiers, string>;
  byIdIds: readonly number[];
  rounds: number;
  seconds: number;
  connections: number;
  log: (line: string) => void;
}): Promise<ThroughputResult[]> {
  const rounds = new Map<string, LoadResult[]>(throughputCases.map((c) => [c.key, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const c of throughputCases) {
      const api = options.apis[c.tiers];
      const common = {
        port: api.port,
        pid: api.pid,
        connections: options.connections,
        paths: pathsOf(c.procedure, options.byIdIds),
        ...(c.cookie ? { cookie: options.cookies[c.tiers] } : {}),
      };
      // Warm-up: every byId key once where a tier can hold it, else a short burst.
      if (c.procedure === 'vehicle.byId' && c.tiers !== 'off') {
        await load({ ...common, amount: options.byIdIds.length, maxSeconds: 20 });
      } else {
        await load({ ...common, amount: 500, maxSeconds: 2 });
      }
      const result = await load({ ...common, durationS: options.seconds });
      rounds.get(c.key)?.push(result);
      options.log(
        `  round ${round} ${c.procedure.padEnd(12)} ${c.label.padEnd(32)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  api ${result.apiCpu.toFixed(2)} cores, loader ${result.loaderCpu.toFixed(2)}${result.failed ? `  FAILED ${result.failed}` : ''}`,
      );
    }
  }
  return throughputCases.map((c) => {
    const r = rounds.get(c.key) ?? [];
    return {
      ...c,
      rounds: r,
      rps: median(r.map((x) => x.rps)),
      p50: median(r.map((x) => x.p50)),
      p99: median(r.map((x) => x.p99)),
      apiCpu: median(r.map((x) => x.apiCpu)),
      loaderCpu: median(r.map((x) => x.loaderCpu)),
      failed: r.reduce((sum, x) => sum + x.failed, 0),
      bytesPerResponse: median(r.map((x) => x.bytesPerResponse)),
    };
  });
}
