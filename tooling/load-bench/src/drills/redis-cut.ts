import { startTcpProxy } from '@garage/test-services';
import type { ApiProcess } from '../processes';
import type { VehicleRow } from '../setup';
import { type ApiLog, watchApiLog } from './api-log';
import { type CacheWindow, sampleCache, windowOf } from './cache-sampler';
import { type DrillContext, hold, startLoadOn } from './context';
import type { Phase } from './phases';
import { compareServed, readFromDatabase, readThroughApi, type ServedCheck } from './read-back';
import { msUntil } from './readiness';
import type { VehicleLoad } from './vehicle-load';

export interface RedisCutResult {
  phases: Phase[];
  /** vehicle.byId in `cache.stats` over each phase. */
  perPhase: (CacheWindow | undefined)[];
  seconds: {
    before: number;
    blackhole: number;
    afterBlackhole: number;
    reset: number;
    after: number;
  };
  /** ms from each restoration to the /readyz answer that said `"cache":"redis"` (NaN: never). */
  backToRedisMs: { blackhole: number; reset: number };
  /** Vehicles written during the drill (any outcome), and during the two cuts. */
  vehiclesWritten: number;
  vehiclesWrittenDuringCuts: number;
  acknowledgedDuringCuts: number;
  /** The instance that lived through the cuts, and a fresh one on the same namespace. */
  survivor: ServedCheck;
  fresh: ServedCheck;
  staleExamples: string[];
  apiLog: Map<string, number>;
}

const cutPhases = ['blackhole', 'reset'];

/**
 * Drill 1: the API reaches Redis through a TCP proxy. Under load, the proxy blackholes Redis
 * (connections stay open, nothing is forwarded: a hung server), is restored, then resets every
 * connection and refuses new ones, and is restored again. Afterwards every vehicle written is
 * read back through the surviving instance and through a fresh one (empty L1, straight on
 * Redis): neither may serve less than the last acknowledged mileage.
 */
export async function runRedisCut(
  context: DrillContext,
  options: { writeSet: readonly VehicleRow[]; seconds: RedisCutResult['seconds'] },
): Promise<RedisCutResult> {
  const { seconds } = options;
  const namespace = context.namespace('redis-cut');
  const proxy = await startTcpProxy(context.redis.port);
  let api: ApiProcess | undefined;
  let fresh: ApiProcess | undefined;
  let load: VehicleLoad | undefined;
  let apiLog: ApiLog | undefined;
  let sampler: ReturnType<typeof sampleCache> | undefined;
  try {
    api = await context.startApi('redis-cut', `redis://127.0.0.1:${proxy.port}`, namespace);
    apiLog = watchApiLog(api);
    const cookie = await context.signIn(api, 'staff');
    const adminCookie = await context.signIn(api, 'admin');
    const total = Object.values(seconds).reduce((a, b) => a + b, 0);
    const started = await startLoadOn(context, api, cookie, options.writeSet, total + 30);
    load = started.load;
    sampler = sampleCache({ port: api.port, adminCookie, everyMs: 1_000, maxSamples: total + 30 });
    const { phases } = started;
    const port = api.port;
    const backToRedis = (since: number, maxSeconds: number) =>
      msUntil(port, (r) => r.cache === 'redis', { since, maxMs: maxSeconds * 1000, everyMs: 50 });

    await hold(seconds.before);
    context.log('  blackhole');
    phases.begin('blackhole');
    proxy.cut('blackhole');
    await hold(seconds.blackhole);
    proxy.restore();
    phases.begin('after blackhole');
    const afterBlackhole = backToRedis(performance.now(), seconds.afterBlackhole);
    await hold(seconds.afterBlackhole);
    const blackholeMs = await afterBlackhole;

    context.log('  reset');
    phases.begin('reset');
    proxy.cut('reset');
    await hold(seconds.reset);
    proxy.restore();
    phases.begin('after reset');
    const afterReset = backToRedis(performance.now(), seconds.after);
    await hold(seconds.after);
    const resetMs = await afterReset;
    await load.stop();
    const samples = await sampler.stop();

    const ids = [...load.sent.keys()];
    const stored = await readFromDatabase(context.db, ids);
    const survivor = compareServed(await readThroughApi(port, cookie, ids), load, stored);
    // A fresh instance has nothing in L1: what it serves comes from Redis or the database.
    fresh = await context.startApi('redis-cut-fresh', context.redis.url, namespace);
    const freshCookie = await context.signIn(fresh, 'staff');
    const freshCheck = compareServed(
      await readThroughApi(fresh.port, freshCookie, ids),
      load,
      stored,
    );

    const duringCuts = [...load.sent].filter(([, writes]) =>
      writes.some((w) => cutPhases.includes(w.phase)),
    );
    return {
      phases: phases.phases,
      perPhase: phases.phases.map((p) => windowOf(samples, p.startedAt, p.endedAt)),
      seconds,
      backToRedisMs: { blackhole: blackholeMs, reset: resetMs },
      vehiclesWritten: ids.length,
      vehiclesWrittenDuringCuts: duringCuts.length,
      acknowledgedDuringCuts: duringCuts
        .flatMap(([, writes]) => writes)
        .filter((w) => cutPhases.includes(w.phase) && w.outcome === '200').length,
      survivor,
      fresh: freshCheck,
      staleExamples: load.staleExamples,
      apiLog: apiLog.messages,
    };
  } finally {
    await load?.stop();
    await sampler?.stop();
    apiLog?.stop();
    await fresh?.stop();
    await api?.stop();
    await proxy.close();
  }
}
