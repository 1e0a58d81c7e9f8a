import type { Database } from '@garage/db';
import { type Api, cacheStats, type Lookups, type LookupWindow, lookupsBetween } from '../api';
import { call, inParallel, mileageOf, readVehicle } from '../http';
import type { Infra, VehicleRow } from '../infra';
import { fmt, ms, pct, table } from '../report';
import { type Phase, startVehicleLoad, warmUp } from '../vehicle-load';

/** The load every drill runs under (see the docs), and the time a request may take. */
export const drillLoad = { workers: 16, ratePerSecond: 400, timeoutMs: 5_000 };

export const hold = (seconds: number) =>
  new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Warms `api`'s cache with every vehicle (unless `cold`), then starts the drill load on it. */
export async function startDrillLoad(
  infra: Infra,
  api: Api,
  writeSet: readonly VehicleRow[],
  maxSeconds: number,
  cold = false,
) {
  const ids = infra.vehicles.map((v) => v.id);
  const mileages = cold ? new Map(writeSet.map((v) => [v.id, v.mileage])) : await warmUp(api, ids);
  const load = {
    reader: api,
    writer: api,
    vehicles: writeSet,
    mileages,
    otherReads: ids,
    maxSeconds,
  };
  return startVehicleLoad({ ...load, ...drillLoad });
}

/**
 * Every vehicle of `ids` read through `api` (the mileage it served, or how the read failed),
 * against the last acknowledged writes (stale) and what PostgreSQL holds (behind).
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

/** Mileage and notes of `ids` as stored in PostgreSQL. */
export async function readFromDatabase(db: Database, ids: readonly number[]) {
  const rows = await db.prisma.vehicle.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, mileage: true, notes: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** ms from `since` to the first /readyz answer (polled every 50 ms) that `done` accepts; NaN if none within `maxMs`. */
export async function msUntilReady(
  api: Api,
  done: (ready: { database?: string; cache?: string }) => boolean,
  since: number,
  maxMs: number,
): Promise<number> {
  while (performance.now() < since + maxMs) {
    const reply = await call(api.port, 'GET', '/readyz', { timeoutMs: 2_000 });
    if (reply.status && done(JSON.parse(reply.body))) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Number.NaN;
}

/** vehicle.byId's lookups and the namespace's key count in Redis, read once a second. */
export function sampleCache(api: Api, maxSamples: number) {
  const samples: (Lookups & { at: number; namespaceKeys: number | null })[] = [];
  let running = true;
  const take = async () => {
    const at = performance.now();
    const stats = await cacheStats(api).catch(() => undefined);
    if (stats)
      samples.push({ at, ...stats.lookups('vehicle.byId'), namespaceKeys: stats.namespaceKeys });
  };
  const loop = (async () => {
    for (let n = 0; running && n < maxSamples; n++) {
      const started = performance.now();
      await take();
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, started + 1_000 - performance.now())),
      );
    }
  })();
  return {
    samples,
    /** The lookups between the samples nearest `from` and `to` (performance.now() values). */
    window(from: number, to: number) {
      const first = samples.filter((s) => s.at <= from).at(-1) ?? samples[0];
      const last = samples.filter((s) => s.at <= to).at(-1);
      return first && last && last.at > first.at ? lookupsBetween(first, last) : undefined;
    },
    async stop() {
      running = false;
      await loop;
      await take();
    },
  };
}

const levels: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/** The API's warnings and errors (pino at LOG_LEVEL=warn; Node's own on stderr), by message. */
export function watchApiLog(api: Api) {
  const messages = new Map<string, number>();
  const onData = (chunk: Buffer) => {
    for (const line of chunk
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())) {
      let message = line.trim().slice(0, 200);
      try {
        const entry: { level: number; msg?: string; err?: { message?: string } } = JSON.parse(line);
        message =
          `${levels[entry.level] ?? entry.level}: ${entry.msg ?? ''} ${entry.err?.message?.slice(0, 120) ?? ''}`.trim();
      } catch {
        // Not a pino line (a Node warning): the line itself is the message.
      }
      if (messages.size < 20 || messages.has(message))
        messages.set(message, (messages.get(message) ?? 0) + 1);
    }
  };
  api.child.stdout?.on('data', onData);
  api.child.stderr?.on('data', onData);
  return messages;
}

/** One row per phase: requests, failures, latency, stale reads, and the cache's lookups then. */
export const phaseTable = (phases: { phase: Phase; lookups?: LookupWindow | undefined }[]) =>
  table(
    'Phase | seconds | reads / writes | failed | p50 ms | p99 ms | max ms | stale reads | lookups counted | hit ratio | L1 share | L2 hits',
    phases.map(
      ({ phase: p, lookups: w }) =>
        `${p.name} | ${fmt(p.seconds, 1)} | ${fmt(p.pick('read').length)} / ${fmt(p.pick('write').length)} | ${fmt(p.failed())} | ${ms(p.latency(50))} | ${ms(p.latency(99))} | ${ms(p.latency(100))} | ${fmt(p.staleReads)} | ${fmt(w?.total ?? 0)} | ${pct(w?.hitRatio ?? Number.NaN)} | ${pct(w?.l1Share ?? Number.NaN)} | ${fmt(w?.l2Hits ?? 0)}`,
    ),
    'lrrrrrrrrrrr',
  );

/** Counts of outcomes, e.g. "3,782 × 200, 1,046 × 503". */
export const outcomesText = (outcomes: Map<string, number>) =>
  [...outcomes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, n]) => `${fmt(n)} × ${outcome}`)
    .join(', ') || 'none';

export const secs = (n: number) => (Number.isFinite(n) ? `${fmt(n / 1000, 2)} s` : 'never');
