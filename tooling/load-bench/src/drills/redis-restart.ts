import type { ApiProcess } from '../processes';
import type { VehicleRow } from '../setup';
import { type ApiLog, watchApiLog } from './api-log';
import { type CacheWindow, sampleCache, windowOf } from './cache-sampler';
import { type DrillContext, hold, startLoadOn } from './context';
import type { Phase } from './phases';
import { msUntil } from './readiness';
import type { VehicleLoad } from './vehicle-load';

export interface RedisRestartResult {
  phases: Phase[];
  seconds: { before: number; down: number; after: number };
  /** vehicle.byId in `cache.stats` over each phase. */
  perPhase: (CacheWindow | undefined)[];
  /**
   * Five-second windows from the cold start (the load's start on an empty cache) and from the
   * restart: the same load fills the same empty cache, so the two should match.
   */
  refill: {
    from: number;
    to: number;
    cold: CacheWindow | undefined;
    restart: CacheWindow | undefined;
  }[];
  /** The windows the targets compare: as long from the restart as the cold start ran. */
  compared: {
    from: number;
    to: number;
    cold: CacheWindow | undefined;
    restart: CacheWindow | undefined;
  };
  /** ms from the restart to: /readyz saying redis; the first sample with entries in Redis. */
  backToRedisMs: number;
  firstKeysMs: number;
  staleReads: number;
  staleExamples: string[];
  apiLog: Map<string, number>;
}

/**
 * Drill 2: the load starts on an empty cache (a cold start), then the throwaway Redis is
 * killed (SIGKILL, no save) and started again on the same port, empty. The API must answer
 * every request; its `cache.stats` (admin, once a second) show whether the cache fills again
 * after the restart as it did after the cold start.
 */
export async function runRedisRestart(
  context: DrillContext,
  options: { writeSet: readonly VehicleRow[]; seconds: RedisRestartResult['seconds'] },
): Promise<RedisRestartResult> {
  const { seconds } = options;
  const { redis } = context;
  let api: ApiProcess | undefined;
  let load: VehicleLoad | undefined;
  let apiLog: ApiLog | undefined;
  let sampler: ReturnType<typeof sampleCache> | undefined;
  try {
    api = await context.startApi('redis-restart', redis.url, context.namespace('redis-restart'));
    apiLog = watchApiLog(api);
    const cookie = await context.signIn(api, 'staff');
    const adminCookie = await context.signIn(api, 'admin');
    const total = seconds.before + seconds.down + seconds.after;
    sampler = sampleCache({ port: api.port, adminCookie, everyMs: 1_000, maxSamples: total + 30 });
    const started = await startLoadOn(context, api, cookie, options.writeSet, total + 30, {
      cold: true,
    });
    load = started.load;
    const { phases } = started;
    const coldAt = phases.current.startedAt;

    await hold(seconds.before);
    context.log('  Redis killed');
    phases.begin('Redis down');
    await redis.stop();
    await hold(seconds.down);
    await redis.start();
    const restartedAt = performance.now();
    context.log('  Redis started again, empty');
    phases.begin('after restart');
    const back = msUntil(api.port, (r) => r.cache === 'redis', {
      since: restartedAt,
      maxMs: seconds.after * 1000,
      everyMs: 50,
    });
    await hold(seconds.after);
    const backToRedisMs = await back;
    await load.stop();
    const samples = await sampler.stop();

    const since = (start: number, from: number, to: number, limit: number) =>
      to <= limit ? windowOf(samples, start + from * 1000, start + to * 1000) : undefined;
    const refill = [];
    for (let from = 0; from + 5 <= seconds.after; from += 5) {
      refill.push({
        from,
        to: from + 5,
        cold: since(coldAt, from, from + 5, seconds.before),
        restart: since(restartedAt, from, from + 5, seconds.after),
      });
    }
    return {
      phases: phases.phases,
      seconds,
      perPhase: phases.phases.map((p) => windowOf(samples, p.startedAt, p.endedAt)),
      refill,
      compared: {
        from: 0,
        to: seconds.before,
        cold: since(coldAt, 0, seconds.before, seconds.before),
        restart: since(restartedAt, 0, seconds.before, seconds.after),
      },
      backToRedisMs,
      firstKeysMs:
        (samples.find((s) => s.at >= restartedAt && (s.namespaceKeys ?? 0) > 0)?.at ?? Number.NaN) -
        restartedAt,
      staleReads: phases.total('staleReads'),
      staleExamples: load.staleExamples,
      apiLog: apiLog.messages,
    };
  } finally {
    await load?.stop();
    await sampler?.stop();
    apiLog?.stop();
    await api?.stop();
  }
}
