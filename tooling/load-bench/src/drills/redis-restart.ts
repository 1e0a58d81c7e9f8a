import type { Infra, VehicleRow } from '../infra';
import { fmt, pct, type Target, table } from '../report';
import {
  hold,
  msUntilReady,
  phaseTable,
  sampleCache,
  secs,
  startDrillLoad,
  watchApiLog,
} from './checks';

/**
 * Drill 2: the load starts on an empty cache (a cold start); then Redis is killed (SIGKILL, no
 * save) and started again on the same port, empty. The API must answer every request, and the
 * cache must fill again after the restart as it did after the cold start.
 */
export async function runRedisRestart(
  infra: Infra,
  writeSet: readonly VehicleRow[],
  seconds: { before: number; down: number; after: number },
) {
  const api = await infra.api('redis-restart');
  const apiLog = watchApiLog(api);
  const total = seconds.before + seconds.down + seconds.after;
  const sampler = sampleCache(api, total + 30);
  const load = await startDrillLoad(infra, api, writeSet, total + 30, true);
  const coldAt = performance.now();
  await hold(seconds.before);
  load.begin('Redis down');
  await infra.redis.stop();
  await hold(seconds.down);
  await infra.redis.start();
  const restartedAt = performance.now();
  load.begin('after restart');
  const back = msUntilReady(api, (r) => r.cache === 'redis', restartedAt, seconds.after * 1000);
  await hold(seconds.after);
  const backToRedisMs = await back;
  const phases = await load.stop();
  await sampler.stop();
  await api.stop();
  // Windows from the cold start and from the restart: the same load fills the same empty cache.
  const since = (start: number, from: number, to: number, limit: number) =>
    to <= limit ? sampler.window(start + from * 1000, start + to * 1000) : undefined;
  const firstKeys = sampler.samples.find((s) => s.at >= restartedAt && (s.namespaceKeys ?? 0) > 0);
  return {
    phases: phases.map((phase) => ({
      phase,
      lookups: sampler.window(phase.startedAt, phase.endedAt),
    })),
    refill: Array.from({ length: Math.floor(seconds.after / 5) }, (_, i) => ({
      from: i * 5,
      cold: since(coldAt, i * 5, i * 5 + 5, seconds.before),
      restart: since(restartedAt, i * 5, i * 5 + 5, seconds.after),
    })),
    compared: {
      seconds: seconds.before,
      cold: since(coldAt, 0, seconds.before, seconds.before),
      restart: since(restartedAt, 0, seconds.before, seconds.after),
    },
    backToRedisMs,
    firstKeysMs: (firstKeys?.at ?? Number.NaN) - restartedAt,
    apiLog,
  };
}

type RedisRestart = Awaited<ReturnType<typeof runRedisRestart>>;

export function redisRestartTargets(r: RedisRestart): Target[] {
  const requests = r.phases.reduce((n, { phase }) => n + phase.answers.length, 0);
  const failed = r.phases.reduce((n, { phase }) => n + phase.failed(), 0);
  const { cold, restart, seconds } = r.compared;
  const refilled = (share: 'hitRatio' | 'l1Share', name: string) => ({
    text: `Redis restarted empty: the ${name} 0–${seconds} s after the restart ≥ 90 % of the same window after a cold start`,
    measured: `${pct(restart?.[share] ?? Number.NaN)} against ${pct(cold?.[share] ?? Number.NaN)}`,
    met: (restart?.[share] ?? 0) >= 0.9 * (cold?.[share] ?? Number.POSITIVE_INFINITY),
  });
  return [
    {
      text: 'Redis restarted empty: failed requests = 0',
      measured: `${fmt(failed)} of ${fmt(requests)}`,
      met: failed === 0 && requests > 0,
    },
    refilled('hitRatio', 'hit ratio'),
    refilled('l1Share', 'L1 share'),
  ];
}

export function redisRestartTables(r: RedisRestart): string {
  const share = (w: { hitRatio: number; l1Share: number } | undefined) =>
    `${pct(w?.hitRatio ?? Number.NaN)} | ${pct(w?.l1Share ?? Number.NaN)}`;
  return [
    phaseTable(r.phases),
    table(
      'seconds from the start | cold start: hit ratio | L1 share | after the restart: hit ratio | L1 share | L2 hits | misses',
      r.refill.map(
        ({ from, cold, restart }) =>
          `${from} – ${from + 5} | ${share(cold)} | ${share(restart)} | ${fmt(restart?.l2Hits ?? Number.NaN)} | ${fmt(restart?.misses ?? Number.NaN)}`,
      ),
      'lrrrrrr',
    ),
    table(
      'Figure | Measured',
      [
        `restart → \`/readyz\` says redis | ${secs(r.backToRedisMs)}`,
        `restart → first reading with entries of the namespace in Redis | ${secs(r.firstKeysMs)}`,
      ],
      'lr',
    ),
  ].join('\n\n');
}
