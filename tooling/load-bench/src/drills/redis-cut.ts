import { fmt, ms, type Target, table } from '@garage/bench-report';
import { startTcpProxy } from '@garage/test-services';
import type { Infra, VehicleRow } from '../infra';
import { hold, readBack, secs, startDrill, storedVehicles } from './drill';

/** The cache's per-operation Redis timeout (its default, which the API keeps), doubled. */
const p99BoundMs = 2 * 250;
const cuts = ['blackhole', 'reset'];

/**
 * Drill 1: the API reaches Redis through a TCP proxy that, under load, blackholes Redis (a hung
 * server), is restored, resets every connection (Redis gone), and is restored again. Then every
 * vehicle written is read back through the surviving instance and through a fresh one.
 */
export async function redisCut(
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
    const total = Object.values(seconds).reduce((a, b) => a + b, 0);
    const redisUrl = `redis://127.0.0.1:${proxy.port}`;
    const drill = await startDrill(infra, 'redis-cut', writeSet, total + 30, { redisUrl });
    const cut = async (mode: 'blackhole' | 'reset', cutSeconds: number, afterSeconds: number) => {
      drill.load.begin(mode);
      proxy.cut(mode);
      await hold(cutSeconds);
      proxy.restore();
      drill.load.begin(`after ${mode}`);
      const back = drill.untilReady((r) => r.cache === 'redis', performance.now(), afterSeconds);
      await hold(afterSeconds);
      return back;
    };
    await hold(seconds.before);
    const back = [
      await cut('blackhole', seconds.blackhole, seconds.afterBlackhole),
      await cut('reset', seconds.reset, seconds.after),
    ];
    const run = await drill.finish();
    const { sent, acked } = drill.load;
    const ids = [...sent.keys()];
    const stored = await storedVehicles(infra.db, ids);
    const survivor = await readBack(drill.api, ids, acked, stored);
    // A fresh instance on the same namespace has nothing in L1: it serves Redis or the database.
    const fresh = await infra.api('redis-cut-fresh', 'l1', { namespace: 'redis-cut' });
    const again = await readBack(fresh, ids, acked, stored);
    await Promise.all([drill.api.stop(), fresh.stop()]);
    const writes = [...sent.values()];
    const worst = [...run.phases].sort((a, b) => b.latency(99) - a.latency(99))[0];
    const readBackRow = (label: string, c: typeof again) =>
      `${label} | ${fmt(c.vehicles)} | ${fmt(c.stale)} | ${fmt(c.behindDatabase)} | ${fmt(c.unreadable)}`;
    const targets: Target[] = [
      {
        text: 'Redis cut: failed requests = 0',
        measured: `${fmt(run.failed)} of ${fmt(run.requests)}`,
        met: run.failed === 0 && run.requests > 0,
      },
      {
        text: 'Redis cut: stale reads = 0 (under load; read back on the instance and on a fresh one)',
        measured: `${fmt(run.stale)}; ${fmt(survivor.stale)} and ${fmt(again.stale)} of ${fmt(again.vehicles)} vehicles`,
        met:
          run.stale + survivor.stale + again.stale + again.unreadable === 0 && again.vehicles > 0,
      },
      {
        text: `Redis cut: p99 bounded in every phase (≤ ${p99BoundMs} ms, twice the cache's Redis timeout)`,
        measured: `worst: ${ms(worst?.latency(99) ?? Number.NaN)} ms (${worst?.name})`,
        met: (worst?.latency(99) ?? Number.POSITIVE_INFINITY) <= p99BoundMs,
      },
      {
        text: 'Redis cut: cache mode "redis" again after each restoration',
        measured: `after the blackhole ${secs(back[0] ?? Number.NaN)}, after the reset ${secs(back[1] ?? Number.NaN)}`,
        met: back.every(Number.isFinite),
      },
    ];
    const tables = [
      run.table,
      table(
        'Read back through | vehicles | stale | behind the database | not a 200',
        [
          readBackRow('the instance that lived through the cuts', survivor),
          readBackRow('a fresh instance', again),
        ],
        'lrrrr',
      ),
      table(
        'Figure | Measured',
        [
          `restoration → \`/readyz\` says redis: after the blackhole, after the reset | ${back.map(secs).join(', ')}`,
          `vehicles written: in all, during the cuts | ${fmt(ids.length)}, ${fmt(writes.filter((w) => w.some((x) => cuts.includes(x.phase))).length)}`,
          `writes acknowledged during the cuts | ${fmt(writes.flat().filter((w) => cuts.includes(w.phase) && w.outcome === '200').length)}`,
        ],
        'lr',
      ),
    ];
    return { targets, tables: tables.join('\n\n'), stale: run.stale, log: drill.log };
  } finally {
    await proxy.close();
  }
}
