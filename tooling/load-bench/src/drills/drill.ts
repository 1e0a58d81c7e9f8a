import { fmt, ms, pct, table, tally } from '@garage/bench-report';
import type { Database } from '@garage/db';
import { type Api, cacheStats, type Lookups, lookupsBetween } from '../api';
import { call, inParallel, mileageOf, readVehicle } from '../http';
import type { Infra, VehicleRow } from '../infra';
import { type Phase, startVehicleLoad, warmUp } from '../vehicle-load';

/** The load every drill runs under (the docs say why), and the time a request may take. */
export const drillLoad = { workers: 16, ratePerSecond: 400, timeoutMs: 5_000 };
export const hold = (seconds: number) =>
  new Promise((resolve) => setTimeout(resolve, seconds * 1000));
export const secs = (n: number) => (Number.isFinite(n) ? `${fmt(n / 1000, 2)} s` : 'never');
const levels: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * Starts a drill: one L1+L2 API (on `redisUrl` when given), the log of its warnings and errors,
 * `cache.stats` once a second, and the drill load on it after a warm-up of every vehicle
 * (unless `cold`). `finish` stops the load and returns its phases with their lookups.
 */
export async function startDrill(
  infra: Infra,
  name: string,
  writeSet: readonly VehicleRow[],
  maxSeconds: number,
  options: { redisUrl?: string; cold?: boolean } = {},
) {
  const api = await infra.api(name, 'l1', options);
  const log = new Map<string, number>();
  const onData = (chunk: Buffer) => {
    for (const line of chunk
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())) {
      let message = line.trim().slice(0, 200);
      try {
        const entry: { level: number; msg?: string; err?: { message?: string } } = JSON.parse(line);
        message = `${levels[entry.level] ?? entry.level}: ${entry.msg} ${entry.err?.message?.slice(0, 120) ?? ''}`;
      } catch {
        // Not a pino line (a Node warning): the line itself is the message.
      }
      if (log.size < 20 || log.has(message.trim())) tally(log, message.trim());
    }
  };
  api.child.stdout?.on('data', onData);
  api.child.stderr?.on('data', onData);
  const samples: (Lookups & { at: number; namespaceKeys: number | null })[] = [];
  let sampling = true;
  const sample = async () => {
    const at = performance.now();
    const stats = await cacheStats(api).catch(() => undefined);
    if (stats)
      samples.push({ at, ...stats.lookups('vehicle.byId'), namespaceKeys: stats.namespaceKeys });
  };
  const sampler = (async () => {
    for (let n = 0; sampling && n < maxSeconds; n++) {
      const started = performance.now();
      await sample();
      await hold(Math.max(0, started + 1_000 - performance.now()) / 1000);
    }
  })();
  const ids = infra.vehicles.map((v) => v.id);
  const current = options.cold
    ? new Map(writeSet.map((v) => [v.id, { mileage: v.mileage, version: v.version }]))
    : await warmUp(api, ids);
  const load = startVehicleLoad({
    reader: api,
    writer: api,
    vehicles: writeSet,
    current,
    otherReads: ids,
    maxSeconds,
    ...drillLoad,
  });
  /** vehicle.byId's lookups between the samples nearest `from` and `to`. */
  const lookups = (from: number, to: number) => {
    const first = samples.filter((s) => s.at <= from).at(-1) ?? samples[0];
    const last = samples.filter((s) => s.at <= to).at(-1);
    return first && last && last.at > first.at ? lookupsBetween(first, last) : undefined;
  };
  return {
    api,
    load,
    log,
    samples,
    lookups,
    /** ms from `since` to the first /readyz answer (every 50 ms) that `done` accepts, NaN if none in `maxSeconds`. */
    async untilReady(
      done: (ready: { database?: string; cache?: string }) => boolean,
      since: number,
      maxSeconds: number,
    ) {
      while (performance.now() < since + maxSeconds * 1000) {
        const reply = await call(api.port, 'GET', '/readyz', { timeoutMs: 2_000 });
        if (reply.status && done(JSON.parse(reply.body))) return performance.now() - since;
        await hold(0.05);
      }
      return Number.NaN;
    },
    async finish() {
      const phases = await load.stop();
      sampling = false;
      await sampler;
      await sample();
      const rows = phases.map((p) => ({ phase: p, lookups: lookups(p.startedAt, p.endedAt) }));
      const sum = (f: (p: Phase) => number) => phases.reduce((n, p) => n + f(p), 0);
      return {
        phases,
        requests: sum((p) => p.answers.length),
        failed: sum((p) => p.failed()),
        stale: sum((p) => p.staleReads),
        /** One row per phase: requests, failures, latency, stale reads, and the lookups then. */
        table: table(
          'Phase | seconds | reads / writes | failed | p50 ms | p99 ms | max ms | stale reads | lookups counted | hit ratio | L1 share | L2 hits',
          rows.map(
            ({ phase: p, lookups: w }) =>
              `${p.name} | ${fmt(p.seconds, 1)} | ${fmt(p.pick('read').length)} / ${fmt(p.pick('write').length)} | ${fmt(p.failed())} | ${ms(p.latency(50))} | ${ms(p.latency(99))} | ${ms(p.latency(100))} | ${fmt(p.staleReads)} | ${fmt(w?.total ?? 0)} | ${pct(w?.hitRatio ?? Number.NaN)} | ${pct(w?.l1Share ?? Number.NaN)} | ${fmt(w?.l2Hits ?? 0)}`,
          ),
          'lrrrrrrrrrrr',
        ),
      };
    },
  };
}

/**
 * Every vehicle of `ids` read through `api`, against the last acknowledged writes (stale) and
 * what PostgreSQL holds (behind).
 */
export async function readBack(
  api: Api,
  ids: readonly number[],
  acked: Map<number, { mileage: number }>,
  stored: Map<number, { mileage: number }>,
) {
  const check = { vehicles: ids.length, stale: 0, behindDatabase: 0, unreadable: 0 };
  await inParallel(ids, 8, async (id) => {
    const served = mileageOf(await readVehicle(api, id, 5_000));
    if (served === undefined) check.unreadable++;
    else if (served < (acked.get(id)?.mileage ?? 0)) check.stale++;
    else if (served < (stored.get(id)?.mileage ?? 0)) check.behindDatabase++;
  });
  return check;
}

/** Counts of outcomes, e.g. "3,782 × 200, 1,046 × 503". */
export const outcomesText = (outcomes: Map<string, number>) =>
  [...outcomes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, n]) => `${fmt(n)} × ${outcome}`)
    .join(', ') || 'none';

/** Mileage and notes of `ids` as stored in PostgreSQL. */
export async function storedVehicles(db: Database, ids: readonly number[]) {
  const select = { id: true, mileage: true, notes: true };
  const rows = await db.prisma.vehicle.findMany({ where: { id: { in: [...ids] } }, select });
  return new Map(rows.map((row) => [row.id, row]));
}
