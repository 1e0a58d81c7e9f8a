import { guarded, startInfra } from './infra';
import { startGenerators } from './load';
import { memoryTable, memoryTargets, runMemory } from './memory';
import { mixedTable, runMixed } from './mixed';
import { propagationTable, runPropagation } from './propagation';
import { fmt, quick, startRun, targetsTable, writeBlocks } from './report';
import { runThroughput, throughputTable, throughputTargets } from './throughput';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const config = {
  rounds: env('BENCH_ROUNDS', quick ? 1 : 3),
  seconds: env('BENCH_SECONDS', quick ? 2 : 8),
  generators: env('BENCH_GENERATORS', 1),
  connections: 32,
  customers: quick ? 2_000 : 10_000,
  vehicles: quick ? 5_000 : 25_000,
  mixedSeconds: quick ? 4 : 15,
  crossSeconds: quick ? 3 : 8,
  propagationSamples: quick ? 50 : 200,
  searches: quick ? 60 : 219,
};
/** BENCH_ONLY=throughput,mixed,propagation,memory runs (and writes) only those. */
const wanted = (scenario: string) => process.env.BENCH_ONLY?.split(',').includes(scenario) ?? true;

await guarded('load bench', 20, async (defer) => {
  const runTable = startRun();
  console.log(`load bench: seeding ${config.customers} customers / ${config.vehicles} vehicles`);
  const infra = await startInfra(config, defer);
  const blocks: Record<string, string> = {};
  // Distinct vehicles (and owners) for each scenario that writes.
  const [mixedSet, crossSet, propagationSet] = [0, 1, 2].map((n) =>
    infra.oneEachOwner.slice(n * 1_000, n * 1_000 + (n === 2 ? config.propagationSamples : 1_000)),
  );

  if (wanted('throughput')) {
    console.log('1. throughput: each route in each cache mode and on the bare server');
    const generators = startGenerators(config.generators);
    defer(generators.stop);
    const [l1, l2, off] = await Promise.all([
      infra.api('l1'),
      infra.api('l2', 'l2'),
      infra.api('off', 'off'),
    ]);
    const results = await runThroughput({
      ...config,
      apis: { l1, l2, off },
      db: infra.db,
      generators,
      defer,
    });
    const targets = throughputTargets(results);
    for (const t of targets)
      console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.text}: ${t.measured}`);
    blocks['load-throughput'] = `${targetsTable(targets)}\n\n${throughputTable(results)}`;
    await Promise.all([l1.stop(), l2.stop(), off.stop()]);
  }

  if (wanted('mixed')) {
    console.log('2. mixed reads and writes: one instance, then reads on B and writes on A');
    const one = await infra.api('mixed');
    const single = await runMixed('one (target)', one, one, mixedSet ?? [], config.mixedSeconds);
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
      crossSet ?? [],
      config.crossSeconds,
    );
    await Promise.all([a.stop(), b.stop()]);
    const target = {
      text: 'mixed load on one instance, stale reads = 0',
      measured: `${fmt(single.staleReads)} of ${fmt(single.reads)} reads (${fmt(single.racingReads)} racing a write)`,
      met: single.staleReads === 0,
    };
    blocks['load-mixed'] = `${targetsTable([target])}\n\n${mixedTable([single.row, cross.row])}`;
  }

  if (wanted('propagation')) {
    console.log('3. a write on instance A, seen on instance B');
    const shared = { namespace: 'propagation' };
    const [a, b] = await Promise.all([infra.api('A', 'l1', shared), infra.api('B', 'l1', shared)]);
    const result = await runPropagation(a, b, propagationSet ?? []);
    await Promise.all([a.stop(), b.stop()]);
    const targets = [
      {
        text: 'write on A to new value on B, p99 < 5 ms: acknowledged on A → fresh response from B',
        measured: `${fmt(result.p99, 2)} ms`,
        met: result.p99 < 5 && result.resolved === result.samples,
      },
      {
        text: "write on A to new value on B, p99 < 5 ms: A's invalidation sent → B's L1 entry dropped",
        measured: `≤ ${fmt(result.bus.p99AtMostMs, 2)} ms (histogram bucket)`,
        met: result.bus.p99AtMostMs < 5,
      },
    ];
    blocks['load-propagation'] = `${targetsTable(targets)}\n\n${propagationTable(result)}`;
  }

  if (wanted('memory')) {
    console.log('4. memory over many distinct keys, default L1');
    const api = await infra.api('memory');
    const phases = await runMemory(
      api,
      infra.vehicles.map((v) => v.id),
      config.searches,
    );
    await api.stop();
    blocks['load-memory'] = `${targetsTable(memoryTargets(phases))}\n\n${memoryTable(phases)}`;
  }

  const generators = config.generators === 1 ? 'one process' : `${config.generators} processes`;
  blocks['load-run'] = runTable([
    ...infra.described,
    `load | autocannon in ${generators} of its own, ${config.connections} keep-alive connections; table 1: ${config.rounds} rounds × ${config.seconds} s per row`,
    `blocks written | ${Object.keys(blocks).join(', ')}`,
  ]);
  writeBlocks(blocks);
});
