import { writeFileSync } from 'node:fs';
import { barChart } from './chart';
import { signIn } from './http';
import { docsDir, writeSection } from './markdown';
import { runMemory } from './memory';
import { runMixed } from './mixed';
import { type ApiProcess, type CacheTiers, startApi } from './processes';
import { type ProfileSummary, profileUnderLoad } from './profile';
import { runPropagation } from './propagation';
import { chartBars, renderSection, targetsOf } from './render';
import { guardedRun } from './run-guard';
import { dataSet, type Infra, load1, machineInfo, startInfra } from './setup';
import { pathsOf, runThroughput } from './throughput';

const quick = process.env.BENCH_QUICK === '1';
const config = {
  quick,
  rounds: Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3)),
  seconds: Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 8)),
  connections: 32,
  customers: quick ? 2_000 : 10_000,
  vehicles: quick ? 5_000 : 25_000,
  byIdKeys: 2_000,
  mixedSeconds: quick ? 4 : 15,
  mixedVehicles: 1_000,
  crossSeconds: quick ? 3 : 8,
  propagationSamples: quick ? 50 : 200,
  profileSeconds: quick ? 2 : 4,
};
/** The whole run is cut off after this, servers stopped (every loop is bounded anyway). */
const hardLimitMs = 15 * 60_000;

const password = 'garage-demo';
const log = (line: string) => console.log(line);

async function main(track: (servers: Partial<Infra>) => void) {
  const began = performance.now();
  const date = new Date().toISOString();
  const loadStart = load1();
  log(
    `load-bench${quick ? ' (quick: nothing is written)' : ''}: starting PostgreSQL and Redis, seeding ${config.customers} customers / ${config.vehicles} vehicles`,
  );
  const ready = await startInfra({ customers: config.customers, vehicles: config.vehicles }, track);
  track(ready);
  const { databaseUrl, redis, db, runToken } = ready;
  log(`  seeded in ${ready.seedSeconds.toFixed(1)} s`);
  const machine = await machineInfo(ready);
  const data = await dataSet(db);
  const vehicleCount = data.all.length;
  const customerCount = await db.prisma.customer.count();
  const api = (name: string, tiers: CacheTiers, namespace = `${runToken}-${name}`) =>
    startApi({ name, databaseUrl, redisUrl: redis.url, namespace, tiers });
  const staff = (p: ApiProcess) => signIn(p.port, 'staff@garage.test', password);
  const admin = (p: ApiProcess) => signIn(p.port, 'admin@garage.test', password);

  // 1. Throughput by cache tiers.
  log('1. vehicle.list / vehicle.byId by cache tiers, system.ping as the ceiling');
  const [off, l2, both] = await Promise.all([
    api('off', 'off'),
    api('l2', 'l2'),
    api('l1l2', 'l1+l2'),
  ]);
  const apis = { off, l2, 'l1+l2': both } as Record<CacheTiers, ApiProcess>;
  const cookies = {
    off: await staff(off),
    l2: await staff(l2),
    'l1+l2': await staff(both),
  } as Record<CacheTiers, string>;
  const byIdIds = data.all.slice(0, config.byIdKeys).map((v) => v.id);
  const throughput = await runThroughput({
    apis,
    cookies,
    byIdIds,
    rounds: config.rounds,
    seconds: config.seconds,
    connections: config.connections,
    log,
  });
  await Promise.all([off.stop(), l2.stop(), both.stop()]);

  // 2. Mixed reads and writes on one instance.
  log('2. mixed load: 90 % vehicle.byId, 10 % vehicle.update, one instance');
  const mixedApi = await api('mixed', 'l1+l2');
  const mixedVehicles = data.oneEachOwner.slice(0, config.mixedVehicles);
  const mixedStaff = await staff(mixedApi);
  const mixed = await runMixed({
    reader: mixedApi,
    writer: mixedApi,
    readerCookie: mixedStaff,
    writerCookie: mixedStaff,
    adminCookie: await admin(mixedApi),
    vehicles: mixedVehicles,
    seconds: config.mixedSeconds,
    concurrency: config.connections,
    maxOperations: 1_000_000,
  });
  log(
    `  ${mixed.reads} reads, ${mixed.writes} writes, hit ratio ${(mixed.hitRatio * 100).toFixed(1)} %, p99 ${mixed.allP99.toFixed(2)} ms, stale reads ${mixed.staleReads}`,
  );
  await mixedApi.stop();

  // 3. Two instances: propagation of a write, then the mixed load across them.
  log('3. two instances, one namespace: write on A, poll B');
  const shared = `${runToken}-shared`;
  const [a, b] = await Promise.all([api('A', 'l1+l2', shared), api('B', 'l1+l2', shared)]);
  const cookieA = await staff(a);
  const cookieB = await staff(b);
  const propagationVehicles = data.oneEachOwner.slice(
    config.mixedVehicles,
    config.mixedVehicles + config.propagationSamples,
  );
  const propagation = await runPropagation({
    a,
    b,
    cookieA,
    cookieB,
    vehicles: propagationVehicles,
  });
  log(
    `  p50 ${propagation.p50.toFixed(2)} ms, p99 ${propagation.p99.toFixed(2)} ms, max ${propagation.max.toFixed(2)} ms; first poll fresh ${propagation.firstPollFresh}/${propagation.samples}`,
  );
  const crossVehicles = data.oneEachOwner.slice(
    config.mixedVehicles + config.propagationSamples,
    2 * config.mixedVehicles + config.propagationSamples,
  );
  const cross = await runMixed({
    reader: b,
    writer: a,
    readerCookie: cookieB,
    writerCookie: cookieA,
    adminCookie: await admin(b),
    vehicles: crossVehicles,
    seconds: config.crossSeconds,
    concurrency: config.connections,
    maxOperations: 1_000_000,
  });
  log(
    `  mixed across A (writes) and B (reads): ${cross.reads} reads, stale after ack ${cross.staleReads}, worst ${cross.worstStaleAfterAckMs.toFixed(2)} ms after`,
  );
  await Promise.all([a.stop(), b.stop()]);

  // 4. Memory over many distinct keys.
  log('4. memory: RSS over many distinct keys, default 64 MB L1');
  const memApi = await api('memory', 'l1+l2');
  const terms: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const x of letters) for (const y of letters) terms.push(`${x}${y}`);
  for (let n = 0; n < (quick ? 20 : 50); n++) terms.push(String(100 + n * 13));
  const memory = await runMemory({
    api: memApi,
    staffCookie: await staff(memApi),
    adminCookie: await admin(memApi),
    vehicleIds: data.all.map((v) => v.id),
    // Every fourth two-letter term (169) and 50 digit runs: searches scan the table, so they
    // are fewer than the cursor pages, which carry most of the bytes.
    searchTerms: (quick ? terms.slice(0, 100) : terms).filter(
      (_, i) => quick || i % 4 === 0 || i >= 676,
    ),
    connections: config.connections,
    maxSecondsPerPhase: quick ? 20 : 75,
    log,
  });
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  log(
    `  RSS baseline ${mib(memory.baseline)} MiB, peak ${mib(memory.peak)} MiB, end ${mib(memory.end)} MiB; bounded: ${memory.bounded} (${memory.verdict})`,
  );
  await memApi.stop();

  // Profiles where a throughput target is missed.
  const targets = targetsOf(throughput, mixed, propagation, memory);
  const profiles: ProfileSummary[] = [];
  if (targets.some((t) => t.profile && !t.met)) {
    log('profiling (a throughput target was missed)');
    for (const [label, procedure, cookie] of [
      ['vehicle.list, L1+L2', 'vehicle.list', true],
      ['system.ping (bare)', 'system.ping', false],
    ] as const) {
      const summary = await profileUnderLoad({
        label,
        databaseUrl,
        redisUrl: redis.url,
        namespace: `${runToken}-profile-${procedure}`,
        tiers: 'l1+l2',
        paths: pathsOf(procedure, byIdIds),
        cookie,
        seconds: config.profileSeconds,
        connections: config.connections,
      });
      profiles.push(summary);
      log(
        `  ${label}: ${summary.rps.toFixed(0)} req/s under the profiler; top: ${summary.areas
          .slice(0, 4)
          .map((a) => `${a.name} ${(a.share * 100).toFixed(0)} %`)
          .join(', ')}`,
      );
    }
  }

  const durationS = (performance.now() - began) / 1000;
  const run = {
    date,
    durationS,
    load: { start: loadStart, end: load1() },
    machine,
    seedSeconds: ready.seedSeconds,
    customers: customerCount,
    vehicles: vehicleCount,
    config,
  };
  for (const t of targets) log(`  target ${t.met ? 'met   ' : 'MISSED'} ${t.text}: ${t.measured}`);
  if (quick && !process.env.BENCH_DOCS_DIR) {
    log(`quick run done in ${durationS.toFixed(0)} s; docs not written`);
    return;
  }
  writeFileSync(`${docsDir}load-bench.svg`, barChart(chartBars(throughput, config)));
  writeSection(
    `${docsDir}benchmarks.md`,
    renderSection({ run, throughput, mixed, cross, propagation, memory, profiles, targets }),
  );
  log(
    `wrote docs/benchmarks.md (load-bench section) and docs/load-bench.svg in ${durationS.toFixed(0)} s`,
  );
}

await guardedRun('bench', hardLimitMs, main);
