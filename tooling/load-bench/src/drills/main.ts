import { signIn } from '../http';
import { docsDir, writeSection } from '../markdown';
import { startApi } from '../processes';
import { guardedRun } from '../run-guard';
import { dataSet, type Infra, load1, machineInfo, startInfra } from '../setup';
import type { DrillContext } from './context';
import { runPostgresOutage } from './postgres-outage';
import { runRedisCut } from './redis-cut';
import { runRedisRestart } from './redis-restart';
import { renderSection, targetsOf } from './render';

const quick = process.env.BENCH_QUICK === '1';
const config = {
  customers: quick ? 500 : 2_000,
  vehicles: quick ? 1_200 : 5_000,
  workers: 16,
  ratePerSecond: 400,
  timeoutMs: 5_000,
  writeSet: quick ? 100 : 400,
  cut: quick
    ? { before: 3, blackhole: 5, afterBlackhole: 3, reset: 3, after: 4 }
    : { before: 15, blackhole: 20, afterBlackhole: 10, reset: 10, after: 15 },
  restart: quick ? { before: 10, down: 2, after: 10 } : { before: 20, down: 5, after: 40 },
  postgres: quick ? { before: 3, outage: 4, after: 5 } : { before: 15, outage: 12, after: 20 },
};
/** The whole run is cut off after this, servers stopped (every loop is bounded anyway). */
const hardLimitMs = 6 * 60_000;

const markers = { start: '<!-- drill-bench:start -->', end: '<!-- drill-bench:end -->' };
const log = (line: string) => console.log(line);

async function main(track: (servers: Partial<Infra>) => void) {
  const began = performance.now();
  const date = new Date().toISOString();
  const loadStart = load1();
  log(
    `fault drills${quick ? ' (quick: nothing is written)' : ''}: starting PostgreSQL and Redis, seeding ${config.customers} customers / ${config.vehicles} vehicles`,
  );
  const ready = await startInfra({ customers: config.customers, vehicles: config.vehicles }, track);
  track(ready);
  log(`  seeded in ${ready.seedSeconds.toFixed(1)} s`);
  const machine = await machineInfo(ready);
  const data = await dataSet(ready.db);
  const customers = await ready.db.prisma.customer.count();
  const context: DrillContext = {
    postgres: ready.postgres,
    redis: ready.redis,
    db: ready.db,
    databaseUrl: ready.databaseUrl,
    startApi: (name, redisUrl, namespace) =>
      startApi({ name, databaseUrl: ready.databaseUrl, redisUrl, namespace, tiers: 'l1+l2' }),
    namespace: (name) => `${ready.runToken}-${name}`,
    signIn: (api, who) => signIn(api.port, `${who}@garage.test`, 'garage-demo'),
    readIds: data.all.map((v) => v.id),
    load: {
      workers: config.workers,
      ratePerSecond: config.ratePerSecond,
      timeoutMs: config.timeoutMs,
      maxOperations: 1_000_000,
    },
    log,
  };
  // A separate set of vehicles per drill: each starts from mileages nobody else wrote.
  const writeSet = (drill: number) =>
    data.oneEachOwner.slice(drill * config.writeSet, (drill + 1) * config.writeSet);

  log('1. Redis cut through a TCP proxy: blackhole, restore, reset, restore');
  const cut = await runRedisCut(context, { writeSet: writeSet(0), seconds: config.cut });
  log('2. Redis restarted empty');
  const restart = await runRedisRestart(context, {
    writeSet: writeSet(1),
    seconds: config.restart,
  });
  log('3. PostgreSQL stopped and restarted');
  const postgres = await runPostgresOutage(context, {
    writeSet: writeSet(2),
    seconds: config.postgres,
  });

  const results = { cut, restart, postgres };
  const targets = targetsOf(results);
  for (const t of targets) log(`  target ${t.met ? 'met   ' : 'MISSED'} ${t.text}: ${t.measured}`);
  const durationS = (performance.now() - began) / 1000;
  if (quick && !process.env.BENCH_DOCS_DIR) {
    log(`quick run done in ${durationS.toFixed(0)} s; docs not written`);
    return;
  }
  const run = {
    date,
    durationS,
    load: { start: loadStart, end: load1() },
    machine,
    seedSeconds: ready.seedSeconds,
    customers,
    vehicles: data.all.length,
    config,
  };
  writeSection(`${docsDir}benchmarks.md`, renderSection(run, results, targets), markers);
  log(`wrote docs/benchmarks.md (drill-bench section) in ${durationS.toFixed(0)} s`);
}

await guardedRun('drills', hardLimitMs, main);
