import { quick, startRun, writeBlocks } from '@garage/bench-report';
import { guarded, startInfra } from './infra';
import { memoryBlock } from './memory';
import { mixedBlock } from './mixed';
import { propagationBlock } from './propagation';
import { throughputBlock } from './throughput';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const config = {
  rounds: env('BENCH_ROUNDS', quick ? 1 : 3),
  seconds: env('BENCH_SECONDS', quick ? 2 : 8),
  generators: env('BENCH_GENERATORS', 1),
  connections: 32,
  customers: quick ? 2_000 : 10_000,
  vehicles: quick ? 5_000 : 25_000,
  workOrders: quick ? 200 : 2_000,
};
/** BENCH_ONLY=throughput,mixed,propagation,memory runs (and writes) only those. */
const wanted = (scenario: string) => process.env.BENCH_ONLY?.split(',').includes(scenario) ?? true;
const scenarios = ['throughput', 'mixed', 'propagation', 'memory'];

// None of them asked for (BENCH_ONLY=schedule): nothing to seed, no run table to write.
if (scenarios.some(wanted)) {
  await guarded('load bench', 20, async (defer) => {
    const runTable = startRun();
    console.log(
      `load bench: seeding ${config.customers} customers / ${config.vehicles} vehicles / ${config.workOrders} work orders`,
    );
    const infra = await startInfra(config, defer);
    const blocks: Record<string, string> = {};
    // Distinct vehicles (and owners) for each scenario that writes.
    const [owners, samples] = [infra.oneEachOwner, quick ? 50 : 200];
    const writeSets = [owners.slice(0, 1_000), owners.slice(1_000 + samples, 2_000 + samples)];
    if (wanted('throughput')) {
      console.log('1. throughput: each route in each cache mode and on the bare server');
      blocks['load-throughput'] = await throughputBlock(infra, config, defer);
    }
    if (wanted('mixed')) {
      console.log('2. mixed reads and writes: one instance, then reads on B and writes on A');
      blocks['load-mixed'] = await mixedBlock(infra, writeSets, quick ? [4, 3] : [15, 8]);
    }
    if (wanted('propagation')) {
      console.log('3. a write on instance A, seen on instance B');
      blocks['load-propagation'] = await propagationBlock(
        infra,
        owners.slice(1_000, 1_000 + samples),
      );
    }
    if (wanted('memory')) {
      console.log('4. memory over many distinct keys, default L1');
      blocks['load-memory'] = await memoryBlock(infra, quick ? 60 : 219);
    }
    const generators = config.generators === 1 ? 'one process' : `${config.generators} processes`;
    blocks['load-run'] = runTable([
      ...infra.described,
      `load | autocannon in ${generators} of its own, ${config.connections} keep-alive connections; table 1: ${config.rounds} rounds × ${config.seconds} s per row`,
      `blocks written | ${Object.keys(blocks).join(', ')}`,
    ]);
    writeBlocks(blocks);
  });
}
