import { call, queryPath, resultOf } from '../http';

/** One reading of the admin `cache.stats`: vehicle.byId's counters so far. */
export interface CacheSample {
  at: number;
  l1Hits: number;
  l2Hits: number;
  misses: number;
  /** Live entries of the namespace in Redis (null while Redis does not answer). */
  namespaceKeys: number | null;
}

type PanelStats = {
  routes: { route: string; l1Hits: number; l2Hits: number; misses: number }[];
  redis: { namespaceKeys: number | null } | null;
};

/** Hits and misses of vehicle.byId between two samples, and the hit ratio over them. */
export function between(from: CacheSample, to: CacheSample) {
  const l1Hits = to.l1Hits - from.l1Hits;
  const l2Hits = to.l2Hits - from.l2Hits;
  const misses = to.misses - from.misses;
  const lookups = l1Hits + l2Hits + misses;
  return {
    l1Hits,
    l2Hits,
    misses,
    hitRatio: lookups > 0 ? (l1Hits + l2Hits) / lookups : Number.NaN,
    l1Ratio: lookups > 0 ? l1Hits / lookups : Number.NaN,
  };
}

export type CacheWindow = ReturnType<typeof between>;

/** Hits and misses between the samples nearest `from` and `to` (performance.now() values). */
export function windowOf(
  samples: CacheSample[],
  from: number,
  to: number,
): CacheWindow | undefined {
  const first = samples.filter((s) => s.at <= from).at(-1) ?? samples[0];
  const last = samples.filter((s) => s.at <= to).at(-1);
  return first && last && last.at > first.at ? between(first, last) : undefined;
}

/** Reads `cache.stats` as admin every `everyMs` until stopped (at most `maxSamples` tries). */
export function sampleCache(options: {
  port: number;
  adminCookie: string;
  everyMs: number;
  maxSamples: number;
}) {
  const samples: CacheSample[] = [];
  let running = true;
  const take = async (): Promise<CacheSample | undefined> => {
    const at = performance.now();
    try {
      const reply = await call(options.port, 'GET', queryPath('cache.stats'), {
        cookie: options.adminCookie,
        timeoutMs: 2_000,
      });
      if (reply.status !== 200) return undefined;
      const stats = resultOf<PanelStats>(reply.body);
      const byId = stats.routes.find((r) => r.route === 'vehicle.byId');
      return {
        at,
        l1Hits: byId?.l1Hits ?? 0,
        l2Hits: byId?.l2Hits ?? 0,
        misses: byId?.misses ?? 0,
        namespaceKeys: stats.redis?.namespaceKeys ?? null,
      };
    } catch {
      return undefined;
    }
  };
  const loop = (async () => {
    for (let attempt = 0; running && attempt < options.maxSamples; attempt++) {
      const started = performance.now();
      const sample = await take();
      if (sample) samples.push(sample);
      const wait = started + options.everyMs - performance.now();
      if (wait > 0 && running) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  let stopped: Promise<CacheSample[]> | undefined;
  return {
    /** Stops sampling after one last reading (once, however often it is called). */
    stop(): Promise<CacheSample[]> {
      running = false;
      stopped ??= loop.then(async () => {
        const last = await take();
        if (last) samples.push(last);
        return samples;
      });
      return stopped;
    },
  };
}
