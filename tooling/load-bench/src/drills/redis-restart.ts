import { fmt, pct, type Target, table } from '@garage/bench-report';
import type { Infra, VehicleRow } from '../infra';
import { hold, secs, startDrill } from './drill';

/**
 * Drill 2: the load starts on an empty cache (a cold start); then Redis is killed (SIGKILL, no
 * save) and started again on the same port, empty. The API must answer every request, and the
 * cache must fill again after the restart as it did after the cold start.
 */
export async function redisRestart(
  infra: Infra,
  writeSet: readonly VehicleRow[],
  seconds: { before: number; down: number; after: number },
) {
  const total = seconds.before + seconds.down + seconds.after;
  const drill = await startDrill(infra, 'redis-restart', writeSet, total + 30, { cold: true });
  const coldAt = performance.now();
  await hold(seconds.before);
  drill.load.begin('Redis down');
  await infra.redis.stop();
  await hold(seconds.down);
  await infra.redis.start();
  const restartedAt = performance.now();
  drill.load.begin('after restart');
  const back = drill.untilReady((r) => r.cache === 'redis', restartedAt, seconds.after);
  await hold(seconds.after);
  const backToRedisMs = await back;
  const run = await drill.finish();
  await drill.api.stop();
  // Windows from the cold start and from the restart: the same load fills the same empty cache.
  const since = (start: number, from: number, to: number, limit: number) =>
    to <= limit ? drill.lookups(start + from * 1000, start + to * 1000) : undefined;
  const [cold, restart] = [
    since(coldAt, 0, seconds.before, seconds.before),
    since(restartedAt, 0, seconds.before, seconds.after),
  ];
  const firstKeys = drill.samples.find((s) => s.at >= restartedAt && (s.namespaceKeys ?? 0) > 0);
  const refilled = (share: 'hitRatio' | 'l1Share', name: string) => ({
    text: `Redis restarted empty: the ${name} 0–${seconds.before} s after the restart ≥ 90 % of the same window after a cold start`,
    measured: `${pct(restart?.[share] ?? Number.NaN)} against ${pct(cold?.[share] ?? Number.NaN)}`,
    met: (restart?.[share] ?? 0) >= 0.9 * (cold?.[share] ?? Number.POSITIVE_INFINITY),
  });
  const targets: Target[] = [
    {
      text: 'Redis restarted empty: failed requests = 0',
      measured: `${fmt(run.failed)} of ${fmt(run.requests)}`,
      met: run.failed === 0 && run.requests > 0,
    },
    refilled('hitRatio', 'hit ratio'),
    refilled('l1Share', 'L1 share'),
  ];
  const shares = (w: { hitRatio: number; l1Share: number } | undefined) =>
    `${pct(w?.hitRatio ?? Number.NaN)} | ${pct(w?.l1Share ?? Number.NaN)}`;
  const windows = Array.from({ length: Math.floor(seconds.after / 5) }, (_, i) => {
    const [c, r] = [
      since(coldAt, i * 5, i * 5 + 5, seconds.before),
      since(restartedAt, i * 5, i * 5 + 5, seconds.after),
    ];
    return `${i * 5} – ${i * 5 + 5} | ${shares(c)} | ${shares(r)} | ${fmt(r?.l2Hits ?? Number.NaN)} | ${fmt(r?.misses ?? Number.NaN)}`;
  });
  const tables = [
    run.table,
    table(
      'seconds from the start | cold start: hit ratio | L1 share | after the restart: hit ratio | L1 share | L2 hits | misses',
      windows,
      'lrrrrrr',
    ),
    table(
      'Figure | Measured',
      [
        `restart → \`/readyz\` says redis | ${secs(backToRedisMs)}`,
        `restart → first reading with entries of the namespace in Redis | ${secs((firstKeys?.at ?? Number.NaN) - restartedAt)}`,
      ],
      'lr',
    ),
  ];
  return { targets, tables: tables.join('\n\n'), stale: run.stale, log: drill.log };
}
