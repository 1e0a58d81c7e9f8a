import { call, query, queryPath, resultOf } from './http';
import type { ApiProcess } from './processes';
import type { VehicleRow } from './setup';
import { Samples } from './stats';

type RouteCounters = { route: string; l1Hits: number; l2Hits: number; misses: number };
type Stats = { routes: RouteCounters[] };

export interface MixedResult {
  instances: 1 | 2;
  seconds: number;
  concurrency: number;
  vehicles: number;
  owners: number;
  reads: number;
  writes: number;
  failedReads: number;
  /** Writes the API refused or that failed (a refused one is not counted as acknowledged). */
  failedWrites: number;
  rps: number;
  readP50: number;
  readP99: number;
  writeP50: number;
  writeP99: number;
  allP99: number;
  /** vehicle.byId on the reading instance, over the run: (L1 + L2 hits) / lookups. */
  hitRatio: number;
  l1Hits: number;
  l2Hits: number;
  misses: number;
  /** Reads started after a write to their vehicle was acknowledged that returned less. */
  staleReads: number;
  /** Of those, how far behind (ms between the acknowledgement and the read's start), worst. */
  worstStaleAfterAckMs: number;
  staleExamples: string[];
  /** Reads racing a write (sent while one was in flight): allowed either value. */
  racingReads: number;
}

const byIdPath = (id: number) => queryPath('vehicle.byId', { id });

function byIdCounters(stats: Stats): RouteCounters {
  return (
    stats.routes.find((r) => r.route === 'vehicle.byId') ?? {
      route: 'vehicle.byId',
      l1Hits: 0,
      l2Hits: 0,
      misses: 0,
    }
  );
}

/**
 * Closed loop of `concurrency` workers for `seconds`: 90 % vehicle.byId reads, 10 %
 * vehicle.update writes of an increasing mileage. Half the operations go to a hot set of 50
 * vehicles, so reads race writes to the same vehicle often; the rest spread over all of them.
 * A read that starts after a write to its vehicle was acknowledged must see at least that
 * mileage. Writes to one vehicle never overlap (a lower mileage would be refused).
 */
export async function runMixed(options: {
  reader: ApiProcess;
  writer: ApiProcess;
  readerCookie: string;
  writerCookie: string;
  adminCookie: string;
  vehicles: readonly VehicleRow[];
  seconds: number;
  concurrency: number;
  maxOperations: number;
}): Promise<MixedResult> {
  const { reader, writer, vehicles } = options;
  const acked = new Map<number, { mileage: number; at: number }>();
  const lastSent = new Map<number, number>();
  const writing = new Set<number>();

  // Warm pass: every vehicle read once on the reader (the cache starts warm), mileages known.
  let cursor = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (cursor < vehicles.length) {
        const row = vehicles[cursor++] as VehicleRow;
        const v = await query<{ mileage: number }>(
          reader.port,
          'vehicle.byId',
          { id: row.id },
          options.readerCookie,
        );
        lastSent.set(row.id, v.mileage);
      }
    }),
  );

  const before = byIdCounters(
    await query<Stats>(reader.port, 'cache.stats', undefined, options.adminCookie),
  );
  const reads = new Samples();
  const writes = new Samples();
  const all = new Samples();
  let failedReads = 0;
  let failedWrites = 0;
  let staleReads = 0;
  let racingReads = 0;
  let worstStaleAfterAckMs = 0;
  const staleExamples: string[] = [];
  let operations = 0;
  const hot = vehicles.slice(0, 50);
  const pick = () => {
    const from = Math.random() < 0.5 ? hot : vehicles;
    return from[Math.floor(Math.random() * from.length)] as VehicleRow;
  };

  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline && operations < options.maxOperations) {
        operations++;
        const row = pick();
        const t0 = performance.now();
        if (Math.random() < 0.1 && !writing.has(row.id)) {
          const mileage =
            (lastSent.get(row.id) ?? row.mileage) + 1 + Math.floor(Math.random() * 50);
          lastSent.set(row.id, mileage);
          writing.add(row.id);
          try {
            const reply = await call(writer.port, 'POST', '/trpc/vehicle.update', {
              body: JSON.stringify({ json: { id: row.id, mileage } }),
              cookie: options.writerCookie,
            });
            const ms = performance.now() - t0;
            if (reply.status === 200) {
              const at = performance.now();
              const previous = acked.get(row.id);
              if (!previous || previous.mileage < mileage) acked.set(row.id, { mileage, at });
              writes.push(ms);
              all.push(ms);
            } else {
              failedWrites++;
            }
          } catch {
            failedWrites++;
          } finally {
            writing.delete(row.id);
          }
        } else {
          const floor = acked.get(row.id);
          if (writing.has(row.id)) racingReads++;
          try {
            const reply = await call(reader.port, 'GET', byIdPath(row.id), {
              cookie: options.readerCookie,
            });
            const ms = performance.now() - t0;
            if (reply.status !== 200) {
              failedReads++;
              continue;
            }
            reads.push(ms);
            all.push(ms);
            const seen = resultOf<{ mileage: number }>(reply.body).mileage;
            if (floor && seen < floor.mileage) {
              staleReads++;
              worstStaleAfterAckMs = Math.max(worstStaleAfterAckMs, t0 - floor.at);
              if (staleExamples.length < 5) {
                staleExamples.push(
                  `vehicle ${row.id}: read ${seen}, acknowledged ${floor.mileage} ${(t0 - floor.at).toFixed(2)} ms before the read began`,
                );
              }
            }
          } catch {
            failedReads++;
          }
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const after = byIdCounters(
    await query<Stats>(reader.port, 'cache.stats', undefined, options.adminCookie),
  );
  const l1Hits = after.l1Hits - before.l1Hits;
  const l2Hits = after.l2Hits - before.l2Hits;
  const misses = after.misses - before.misses;
  return {
    instances: reader === writer ? 1 : 2,
    seconds: elapsed,
    concurrency: options.concurrency,
    vehicles: vehicles.length,
    owners: new Set(vehicles.map((v) => v.ownerId)).size,
    reads: reads.length,
    writes: writes.length,
    failedReads,
    failedWrites,
    rps: (reads.length + writes.length) / elapsed,
    readP50: reads.percentile(50),
    readP99: reads.percentile(99),
    writeP50: writes.percentile(50),
    writeP99: writes.percentile(99),
    allP99: all.percentile(99),
    hitRatio: (l1Hits + l2Hits) / Math.max(1, l1Hits + l2Hits + misses),
    l1Hits,
    l2Hits,
    misses,
    staleReads,
    worstStaleAfterAckMs,
    staleExamples,
    racingReads,
  };
}
