import { fmt, quick, startRun, table, targetsTable, writeBlocks } from '@garage/bench-report';
import { guarded, startInfra } from '../infra';
import { drillLoad } from './drill';
import { postgresOutage } from './postgres-outage';
import { redisCut } from './redis-cut';
import { redisRestart } from './redis-restart';

const config = {
  customers: quick ? 500 : 2_000,
  vehicles: quick ? 1_200 : 5_000,
  writeSet: quick ? 100 : 400,
  cut: quick
    ? { before: 3, blackhole: 5, afterBlackhole: 3, reset: 3, after: 4 }
    : { before: 15, blackhole: 20, afterBlackhole: 10, reset: 10, after: 15 },
  restart: quick ? { before: 10, down: 2, after: 10 } : { before: 20, down: 5, after: 40 },
  postgres: quick ? { before: 3, outage: 4, after: 5 } : { before: 15, outage: 12, after: 20 },
};

await guarded('fault drills', 8, async (defer) => {
  const runTable = startRun();
  console.log(`fault drills: seeding ${config.customers} customers / ${config.vehicles} vehicles`);
  const infra = await startInfra(config, defer);
  // A separate set of vehicles per drill: each starts from mileages nobody else wrote.
  const writeSet = (n: number) =>
    infra.oneEachOwner.slice(n * config.writeSet, (n + 1) * config.writeSet);
  console.log('1. Redis cut through a TCP proxy: blackhole, restore, reset, restore');
  const cut = await redisCut(infra, writeSet(0), config.cut);
  console.log('2. Redis restarted empty');
  const restart = await redisRestart(infra, writeSet(1), config.restart);
  console.log('3. PostgreSQL stopped and restarted');
  const postgres = await postgresOutage(infra, writeSet(2), config.postgres);
  const drills = { 'Redis cut': cut, 'Redis restarted': restart, 'PostgreSQL stopped': postgres };

  const stale = Object.values(drills).map((d) => d.stale);
  const targets = [
    ...Object.values(drills).flatMap((d) => d.targets),
    {
      text: 'No stale read under load in any drill',
      measured: stale.map((n) => fmt(n)).join(' / '),
      met: stale.every((n) => n === 0),
    },
  ];
  const logged = Object.entries(drills).flatMap(([name, { log }]) =>
    log.size
      ? [...log].map(([message, n]) => `${name} | \`${message.replace(/[`|]/g, "'")}\` | ${fmt(n)}`)
      : [`${name} | none | 0`],
  );
  writeBlocks({
    'drills-run': runTable([
      ...infra.described,
      `load | ${drillLoad.workers} workers paced to ${drillLoad.ratePerSecond} requests/s in all, client timeout ${drillLoad.timeoutMs / 1000} s, ${config.writeSet} vehicles written per drill`,
    ]),
    'drills-targets': targetsTable(targets),
    'drill-redis-cut': cut.tables,
    'drill-redis-restart': restart.tables,
    'drill-postgres': postgres.tables,
    'drills-log': table('Drill | API warnings and errors | count', logged, 'llr'),
  });
});
