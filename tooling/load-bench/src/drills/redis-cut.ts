import { startTcpProxy } from '@garage/test-services';
import type { Infra, VehicleRow } from '../infra';
import { fmt, ms, type Target, table } from '../report';
import {
  hold,
  msUntilReady,
  phaseTable,
  readBack,
  readFromDatabase,
  sampleCache,
  secs,
  startDrillLoad,
  watchApiLog,
} from './checks';

/** The cache's per-operation Redis timeout (its default, which the API keeps), doubled. */
const p99BoundMs = 2 * 250;
const cuts = ['blackhole', 'reset'];

/**
 * Drill 1: the API reaches Redis through a TCP proxy that, under load, blackholes Redis (a hung
 * server), is restored, resets every connection (Redis gone), and is restored again. Then every
 * vehicle written is read back through the surviving instance and through a fresh one.
 */
export async function runRedisCut(
  infra: Infra,
  writeSet: readonly VehicleRow[],
  seconds: {
    before: number;
    blackhole: number;
    afterBlackhole: number;
    reset: number;
    after: number;
  },
) {
  const proxy = await startTcpProxy(infra.redis.port);
  try {
    const api = await infra.api('redis-cut', 'l1', { redisUrl: `redis://127.0.0.1:${proxy.port}` });
    const apiLog = watchApiLog(api);
    const total = Object.values(seconds).reduce((a, b) => a + b, 0);
    const load = await startDrillLoad(infra, api, writeSet, total + 30);
    const sampler = sampleCache(api, total + 30);
    const cut = async (mode: 'blackhole' | 'reset', cutSeconds: number, afterSeconds: number) => {
      load.begin(mode);
      proxy.cut(mode);
      await hold(cutSeconds);
      proxy.restore();
      load.begin(`after ${mode}`);
      const back = msUntilReady(
        api,
        (r) => r.cache === 'redis',
        performance.now(),
        afterSeconds * 1000,
      );
      await hold(afterSeconds);
      return back;
    };
    await hold(seconds.before);
    const backToRedis = [
      await cut('blackhole', seconds.blackhole, seconds.afterBlackhole),
      await cut('reset', seconds.reset, seconds.after),
    ];
    const phases = await load.stop();
    await sampler.stop();
    const ids = [...load.sent.keys()];
    const stored = await readFromDatabase(infra.db, ids);
    const survivor = await readBack(api, ids, load.acked, stored);
    // A fresh instance on the same namespace has nothing in L1: it serves Redis or the database.
    const fresh = await infra.api('redis-cut-fresh', 'l1', { namespace: 'redis-cut' });
    const freshCheck = await readBack(fresh, ids, load.acked, stored);
    await Promise.all([api.stop(), fresh.stop()]);
    const writes = [...load.sent.values()];
    return {
      phases: phases.map((phase) => ({
        phase,
        lookups: sampler.window(phase.startedAt, phase.endedAt),
      })),
      backToRedis,
      written: ids.length,
      writtenDuringCuts: writes.filter((w) => w.some((x) => cuts.includes(x.phase))).length,
      acknowledgedDuringCuts: writes
        .flat()
        .filter((w) => cuts.includes(w.phase) && w.outcome === '200').length,
      survivor,
      fresh: freshCheck,
      apiLog,
    };
  } finally {
    await proxy.close();
  }
}

type RedisCut = Awaited<ReturnType<typeof runRedisCut>>;

export function redisCutTargets(r: RedisCut): Target[] {
  const requests = r.phases.reduce((n, { phase }) => n + phase.answers.length, 0);
  const failed = r.phases.reduce((n, { phase }) => n + phase.failed(), 0);
  const stale = r.phases.reduce((n, { phase }) => n + phase.staleReads, 0);
  const worst = r.phases.map(({ phase }) => phase).sort((a, b) => b.latency(99) - a.latency(99))[0];
  const readBackStale = r.survivor.stale + r.fresh.stale + r.fresh.unreadable;
  return [
    {
      text: 'Redis cut: failed requests = 0',
      measured: `${fmt(failed)} of ${fmt(requests)}`,
      met: failed === 0 && requests > 0,
    },
    {
      text: 'Redis cut: stale reads = 0 (under load; read back on the instance and on a fresh one)',
      measured: `${fmt(stale)}; ${fmt(r.survivor.stale)} and ${fmt(r.fresh.stale)} of ${fmt(r.fresh.vehicles)} vehicles`,
      met: stale === 0 && readBackStale === 0 && r.fresh.vehicles > 0,
    },
    {
      text: `Redis cut: p99 bounded in every phase (≤ ${p99BoundMs} ms, twice the cache's Redis timeout)`,
      measured: `worst: ${ms(worst?.latency(99) ?? Number.NaN)} ms (${worst?.name})`,
      met: (worst?.latency(99) ?? Number.POSITIVE_INFINITY) <= p99BoundMs,
    },
    {
      text: 'Redis cut: cache mode "redis" again after each restoration',
      measured: `after the blackhole ${secs(r.backToRedis[0] ?? Number.NaN)}, after the reset ${secs(r.backToRedis[1] ?? Number.NaN)}`,
      met: r.backToRedis.every(Number.isFinite),
    },
  ];
}

export function redisCutTables(r: RedisCut): string {
  const readBackRow = (label: string, c: RedisCut['fresh']) =>
    `${label} | ${fmt(c.vehicles)} | ${fmt(c.stale)} | ${fmt(c.behindDatabase)} | ${fmt(c.unreadable)}`;
  return [
    phaseTable(r.phases),
    table(
      'Read back through | vehicles | stale | behind the database | not a 200',
      [
        readBackRow('the instance that lived through the cuts', r.survivor),
        readBackRow('a fresh instance', r.fresh),
      ],
      'lrrrr',
    ),
    table(
      'Figure | Measured',
      [
        `restoration → \`/readyz\` says redis: after the blackhole, after the reset | ${r.backToRedis.map(secs).join(', ')}`,
        `vehicles written: in all, during the cuts | ${fmt(r.written)}, ${fmt(r.writtenDuringCuts)}`,
        `writes acknowledged during the cuts | ${fmt(r.acknowledgedDuringCuts)}`,
      ],
      'lr',
    ),
  ].join('\n\n');
}
