import { fmt, pct, table, targetsTable } from '@garage/bench-report';
import { type Api, cacheStats, lookupsBetween } from './api';
import type { Infra, VehicleRow } from './infra';
import { startVehicleLoad, warmUp } from './vehicle-load';

/**
 * 32 workers in a closed loop for `seconds`: 90 % vehicle.byId on `reader`, 10 %
 * vehicle.update on `writer`, half the operations on a hot set of 50 vehicles so that reads race
 * writes; the cache starts warm. Returns a row of the mixed-load table, and the stale reads.
 */
async function runMixed(
  label: string,
  reader: Api,
  writer: Api,
  vehicles: VehicleRow[],
  seconds: number,
) {
  const current = await warmUp(
    reader,
    vehicles.map((v) => v.id),
  );
  const before = (await cacheStats(reader)).lookups('vehicle.byId');
  const load = startVehicleLoad({
    reader,
    writer,
    vehicles,
    current,
    hot: 50,
    workers: 32,
    maxSeconds: seconds,
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const [run] = await load.stop();
  const l = lookupsBetween(before, (await cacheStats(reader)).lookups('vehicle.byId'));
  if (!run) throw new Error('the mixed load ran no phase');
  const [reads, writes] = [run.pick('read', '200').length, run.pick('write', '200').length];
  const q = (kind?: 'read' | 'write') =>
    `${fmt(run.latency(50, kind), 2)} / ${fmt(run.latency(99, kind), 2)}`;
  return {
    staleReads: run.staleReads,
    reads,
    racingReads: run.racingReads,
    row: `${label} | ${fmt(run.seconds, 1)} | ${fmt(reads)} | ${fmt(writes)} | ${fmt(run.answers.length / run.seconds)} | ${pct(l.hitRatio)} | ${fmt(l.l1Hits)} / ${fmt(l.l2Hits)} / ${fmt(l.misses)} | ${q('read')} | ${q('write')} | ${fmt(run.latency(99), 2)} | ${fmt(run.racingReads)} | ${fmt(run.staleReads)} | ${run.staleReads ? fmt(run.worstStaleMs, 2) : ''} | ${fmt(run.failed())}`,
  };
}

/** Table 2: the mixed load on one instance (its target: no stale read), then across two. */
export async function mixedBlock(infra: Infra, sets: VehicleRow[][], seconds: number[]) {
  const one = await infra.api('mixed');
  const single = await runMixed('one (target)', one, one, sets[0] ?? [], seconds[0] ?? 0);
  await one.stop();
  const shared = { namespace: 'mixed-shared' };
  const [a, b] = await Promise.all([
    infra.api('mixed-A', 'l1', shared),
    infra.api('mixed-B', 'l1', shared),
  ]);
  const cross = await runMixed(
    'reads on B, writes on A (no target)',
    b,
    a,
    sets[1] ?? [],
    seconds[1] ?? 0,
  );
  await Promise.all([a.stop(), b.stop()]);
  const target = {
    text: 'mixed load on one instance, stale reads = 0',
    measured: `${fmt(single.staleReads)} of ${fmt(single.reads)} reads (${fmt(single.racingReads)} racing a write)`,
    met: single.staleReads === 0,
  };
  return `${targetsTable([target])}\n\n${table(
    'Instances | seconds | reads | writes | ops/s | hit ratio | L1 / L2 hits / misses | p50 / p99 ms, reads | p50 / p99 ms, writes | p99 ms, all | reads racing a write | stale reads | worst stale read, ms after the ack | errors',
    [single.row, cross.row],
    'lrrrrrrrrrrrrr',
  )}`;
}
