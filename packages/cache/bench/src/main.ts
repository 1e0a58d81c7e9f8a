/**
 * Side-by-side benchmark of @garage/cache against BentoCache, cache-manager and raw ioredis GETs
 * on one Redis (REDIS_URL, or a throwaway one), in one run: writes the cache-engine blocks of
 * docs/benchmarks.md, whose prose says what each row measures.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as report from '@garage/bench-report';
import { startRedis } from '@garage/test-services';
import { Redis as Redis6 } from 'ioredis6';
import superjson from 'superjson';
import { Bench } from 'tinybench';
import { type Payload, payloads, vehicleRow } from './payloads';
import { RedisAdmin, redisOptionsFromUrl } from './redis-admin';
import {
  type BenchKey,
  benchKey,
  bento,
  cacheManager,
  ours,
  oursStoredBytes,
  type Place,
  type Subject,
} from './subjects';

const { fmt, median, times } = report;
const positive = (name: string, fallback: number) => Number(process.env[name]) || fallback;
const ROUNDS = report.quick ? 1 : positive('BENCH_ROUNDS', 5);
const TIME_MS = report.quick ? 40 : positive('BENCH_TIME_MS', 250);
const SIZES = report.quick ? [100, 1_000] : [1_000, 10_000];
const TTL = { hit: 10 * 60_000, miss: 30_000, invalidation: 5 * 60_000 };
/** Calls per tinybench sample: a sample is the mean of a batch, so reading the timer costs little. */
const BATCH = { 'L1 hit': 200, 'L2 hit': 20, 'miss + fill': 10 } as const;
type Scenario = keyof typeof BATCH;
const scenarios: Scenario[] = ['L1 hit', 'L2 hit', 'miss + fill'];
const [OURS, BENTO, BENTO_JSON] = [
  '@garage/cache',
  'BentoCache (superjson)',
  'BentoCache (JSON, its default)',
];
const [CM, FLOOR] = ['cache-manager (superjson)', 'raw GET of the same bytes (floor)'];
const OURS_BYTES = '@garage/cache, stored bytes (the API fast path)';

const throwaway = process.env.REDIS_URL ? undefined : await startRedis();
const redisUrl = process.env.REDIS_URL ?? throwaway?.url ?? '';
const connection = redisOptionsFromUrl(redisUrl);
const admin = new RedisAdmin(connection);
const token = `gbench-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let places = 0;
const place = (prefix = `${token}-${places++}`): Place => ({ prefix, redis: connection });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Each library, the scenarios it runs, and how it is made for one (configured alike: see the docs). */
const libraries: [string, Scenario[], (where: Place, l2Only: boolean) => Subject][] = [
  [OURS, scenarios, ours],
  [OURS_BYTES, ['L1 hit', 'L2 hit'], oursStoredBytes],
  [BENTO, scenarios, (where, l2Only) => bento(where, { serializer: 'superjson', l2Only })],
  [
    BENTO_JSON,
    ['L1 hit', 'L2 hit'],
    (where, l2Only) => bento(where, { serializer: 'json', l2Only }),
  ],
  [
    'BentoCache (superjson, L1 serialize: false)',
    ['L1 hit'],
    (where) => bento(where, { serializer: 'superjson', l1Serialize: false }),
  ],
  [CM, scenarios, (where, l2Only) => cacheManager(where, redisUrl, l2Only)],
];

interface Spec {
  scenario: Scenario;
  payload: Payload;
  lib: string;
  op: () => Promise<unknown>;
  /** ops/s, one per round. */
  ops: number[];
}

/** What the sanity checks found (a hit that ran its loader, a hit from the wrong tier...). */
const problems = new Set<string>();

/** Waits until our L1 is trusted (the bus subscriber is up): a re-read is then an L1 hit. */
async function untilL1Trusted(subject: Subject, key: BenchKey) {
  const read = () => subject.getOrSet(key, async () => 1, [], TTL.hit);
  for (let attempt = 0; attempt < 100; attempt++) {
    await read();
    if ((await subject.probeTiers(read)).l1 > 0) return;
    await sleep(20);
  }
  throw new Error('@garage/cache: L1 never became trusted (bus not connected?)');
}

/** The operation a spec times: a hit on the payload's key, or a miss on a new key each call. */
function operation(subject: Subject, scenario: Scenario, payload: Payload, lib: string) {
  const { key, tags, value } = payloads[payload];
  const loader = async () => {
    problems.add(`loader ran: ${scenario} ${payload} ${lib}`);
    return value;
  };
  const { readHit } = subject;
  if (scenario !== 'miss + fill' && readHit) {
    return async () => {
      if ((await readHit(key)) === undefined)
        problems.add(`missed a hit: ${scenario} ${payload} ${lib}`);
    };
  }
  if (scenario !== 'miss + fill') return () => subject.getOrSet(key, loader, tags, TTL.hit);
  let n = 0;
  return () => {
    const fresh = benchKey(`${key.ours.route}Fresh`, { id: ++n });
    return subject.getOrSet(
      fresh,
      async () => value,
      payload === 'row' ? [`vehicle:${n}`] : tags,
      TTL.miss,
    );
  };
}

/** One round: every spec once, those of one scenario and payload back to back, order rotated. */
async function runRound(specs: Spec[], round: number) {
  const bench = new Bench({
    time: TIME_MS,
    warmupTime: Math.min(50, TIME_MS),
    warmupIterations: 3,
    iterations: 5,
    throws: true,
  });
  const groups = new Map<string, Spec[]>();
  for (const s of specs)
    groups.set(`${s.scenario}${s.payload}`, [
      ...(groups.get(`${s.scenario}${s.payload}`) ?? []),
      s,
    ]);
  const rotate = <T>(list: T[]) => [
    ...list.slice(round % list.length),
    ...list.slice(0, round % list.length),
  ];
  const ordered = rotate([...groups.values()]).flatMap(rotate);
  for (const [index, spec] of ordered.entries()) {
    const batch = BATCH[spec.scenario];
    bench.add(String(index), async () => {
      const started = performance.now();
      for (let i = 0; i < batch; i++) await spec.op();
      const elapsed = performance.now() - started;
      return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
    });
  }
  gc();
  await bench.run();
  for (const { name, result } of bench.tasks) {
    if (!('latency' in result)) throw new Error(`task ${name}: ${result.state}`);
    ordered[Number(name)]?.ops.push(1000 / result.latency.mean);
  }
}

/** One tag invalidation over `n` live entries on a fresh, warm instance: timed, or counted under MONITOR. */
async function invalidationOnce(lib: string, n: number, sample: string, count: boolean) {
  const where = place(`${token}-i${sample}-${lib === OURS ? 'ours' : 'bento'}-${n}`);
  const subject = lib === OURS ? ours(where) : bento(where, { serializer: 'superjson' });
  const tag = `fleet:${sample}:${n}`;
  const key = (i: number) => benchKey('vehicle.byId', { id: i, fleet: tag });
  try {
    if (lib === OURS) await untilL1Trusted(subject, benchKey('probe', { at: where.prefix }));
    await subject.invalidateTags?.([`unused:${sample}`]);
    let next = 0;
    const fill = async () => {
      for (let i = next++; i < n; i = next++) {
        await subject.getOrSet(
          key(i),
          async () => vehicleRow(i % 1_000),
          [tag, `vehicle:${i}`],
          TTL.invalidation,
        );
      }
    };
    await Promise.all(Array.from({ length: 32 }, fill));
    await sleep(300); // the fill's bus traffic (BentoCache publishes every set) must be over
    gc();
    const invalidate = async () => subject.invalidateTags?.([tag]);
    const started = performance.now();
    const counted = await (count ? admin.countCommands(where.prefix, invalidate) : invalidate());
    const ms = performance.now() - started;
    // Sanity (not timed): an invalidated entry must reach the loader again.
    let reloaded = false;
    const loader = async () => {
      reloaded = true;
      return vehicleRow(0);
    };
    await subject.getOrSet(key(0), loader, [tag], TTL.invalidation);
    if (!reloaded) problems.add(`${lib} served an entry after invalidating ${n}`);
    return { ms, counted: counted || undefined };
  } finally {
    await subject.close();
    await admin.unlinkMatching(where.prefix);
  }
}

const versionOf = (name: string): string =>
  JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'))
    .version;

const runTable = report.startRun();
const raw = new Redis6({ ...connection, connectionName: `${token}-raw` });
const subjects: Subject[] = [];
try {
  const redisVersion = await admin.serverVersion();
  console.log(`cache bench: Redis ${redisVersion} on port ${connection.port}, run token ${token}`);
  const specs: Spec[] = [];
  const missPrefixes: string[] = [];
  for (const [lib, runs, make] of libraries) {
    for (const scenario of runs) {
      const where = place();
      const subject = make(where, scenario === 'L2 hit');
      subjects.push(subject);
      if (scenario === 'miss + fill') missPrefixes.push(where.prefix);
      if ((lib === OURS || lib === OURS_BYTES) && scenario === 'L1 hit')
        await untilL1Trusted(subject, benchKey('probe', { at: 'o' }));
      for (const payload of ['row', 'page'] as const) {
        const op = operation(subject, scenario, payload, lib);
        specs.push({ scenario, payload, lib, op, ops: [] });
        if (scenario === 'miss + fill') continue;
        // Prime, then check which tier serves the reads (never timed).
        const { key, tags, value } = payloads[payload];
        await subject.getOrSet(key, async () => value, tags, TTL.hit);
        await sleep(20);
        const tiers = await subject.probeTiers(async () => {
          for (let i = 0; i < 5; i++) await op();
        });
        const tier = scenario === 'L1 hit' ? 'l1' : 'l2';
        if (tiers[tier] !== 5)
          problems.add(`${lib} ${payload}: l1 ${tiers.l1}, l2 ${tiers.l2} (${tier} expected)`);
      }
    }
  }
  // The floor: the same bytes stored as a plain string, read by the ioredis 6 client ours uses.
  for (const payload of ['row', 'page'] as const) {
    const [sj, json] = [`${token}-raw:${payload}:sj`, `${token}-raw:${payload}:json`];
    await raw.set(sj, superjson.stringify(payloads[payload].value), 'PX', TTL.hit);
    await raw.set(json, JSON.stringify(payloads[payload].value), 'PX', TTL.hit);
    const floors: [string, () => Promise<unknown>][] = [
      [FLOOR, () => raw.get(sj)],
      ['raw GET + superjson.parse', async () => superjson.parse((await raw.get(sj)) ?? '')],
      ['raw GET + JSON.parse', async () => JSON.parse((await raw.get(json)) ?? '')],
    ];
    for (const [lib, op] of floors) specs.push({ scenario: 'L2 hit', payload, lib, op, ops: [] });
  }
  // The table's order: by payload (row first), then scenario; libraries as listed, floors last.
  specs.sort(
    (a, b) =>
      b.payload.localeCompare(a.payload) ||
      scenarios.indexOf(a.scenario) - scenarios.indexOf(b.scenario),
  );

  for (let round = 0; round < ROUNDS; round++) {
    await runRound(specs, round);
    for (const prefix of missPrefixes) await admin.unlinkMatching(prefix);
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }
  // Closed, so their bus subscribers do not handle the invalidation passes' traffic while timed.
  for (const subject of subjects.splice(0)) await subject.close();

  // Tag invalidation: counted once per library and size under MONITOR, then timed 2 × ROUNDS
  // times on fresh instances and fills, the libraries alternating.
  const invalidations: {
    lib: string;
    n: number;
    counted?: Awaited<ReturnType<RedisAdmin['countCommands']>>;
    ms: number[];
  }[] = [];
  for (const n of SIZES) {
    for (const lib of [OURS, BENTO])
      invalidations.push({ lib, n, ...(await invalidationOnce(lib, n, 'c', true)), ms: [] });
    for (let sample = 0; sample < 2 * ROUNDS; sample++) {
      for (const lib of sample % 2 ? [BENTO, OURS] : [OURS, BENTO]) {
        const { ms } = await invalidationOnce(lib, n, `s${sample}`, false);
        invalidations.find((r) => r.n === n && r.lib === lib)?.ms.push(ms);
      }
    }
    console.log(`invalidation over ${n} done`);
  }

  /** Our ops/s over `lib`'s, the median of per-round ratios (a round runs them back to back). */
  const ratioOf = (scenario: Scenario, payload: Payload, lib: string, mine = OURS) => {
    const find = (l: string) =>
      specs.find((s) => s.scenario === scenario && s.payload === payload && s.lib === l)?.ops ?? [];
    const theirs = find(lib);
    return median(find(mine).flatMap((ops, round) => (theirs[round] ? [ops / theirs[round]] : [])));
  };
  // The API answers a hit with the entry's stored bytes, so that read is what is held to the
  // targets; getOrSet, which parses for in-process callers, is shown beside it.
  const l1Target = (payload: Payload, atLeast: number) => ({
    text: `L1 hit, ${payloads[payload].label}: ours ≥ ${atLeast}× BentoCache`,
    measured: `${times(ratioOf('L1 hit', payload, BENTO, OURS_BYTES))} (vs its JSON default: ${times(ratioOf('L1 hit', payload, BENTO_JSON, OURS_BYTES))}; getOrSet, parsed: ${times(ratioOf('L1 hit', payload, BENTO))})`,
    met: ratioOf('L1 hit', payload, BENTO, OURS_BYTES) >= atLeast,
  });
  const l2Target = (payload: Payload) => ({
    text: `L2 hit, ${payloads[payload].label}: latency ≤ 1.5× a raw GET of the same bytes`,
    measured: `${times(1 / ratioOf('L2 hit', payload, FLOOR, OURS_BYTES))} the floor's latency (getOrSet, parsed: ${times(1 / ratioOf('L2 hit', payload, FLOOR))})`,
    met: 1 / ratioOf('L2 hit', payload, FLOOR, OURS_BYTES) <= 1.5,
  });
  const ourTrips = invalidations.filter((r) => r.lib === OURS);
  const targets = [
    l1Target('page', 10),
    l1Target('row', 1),
    l2Target('row'),
    l2Target('page'),
    {
      text: 'Tag invalidation: round trips independent of entry count',
      measured: ourTrips.map((r) => `${r.counted?.roundTrips} at ${fmt(r.n)}`).join(', '),
      met: new Set(ourTrips.map((r) => r.counted?.roundTrips)).size === 1,
    },
  ];
  for (const t of targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.text}: ${t.measured}`);
  const bold = (lib: string) => (lib === OURS ? `**${lib}**` : lib);
  const ms3 = (values: number[]) =>
    [median(values), Math.min(...values), Math.max(...values)].map((v) => fmt(v, 3));
  const libs = [
    'ioredis6',
    'bentocache',
    'ioredis5',
    'cache-manager',
    'keyv',
    '@keyv/redis',
    'superjson',
    'tinybench',
  ];
  report.writeBlocks({
    'cache-run': runTable([
      `Redis | ${redisVersion}${throwaway ? ', throwaway, on 127.0.0.1' : `, ${redisUrl}`}`,
      `libraries | @garage/cache (workspace); ${libs.map((name) => `${name.replace(/\d$/, ' $&')} ${versionOf(name)}`).join(', ')}`,
      `rounds | ${ROUNDS} × ${TIME_MS} ms per task; batches of ${Object.values(BATCH).join(' / ')} calls (L1 hit / L2 hit / miss)`,
      `sanity | ${[...problems].join('; ') || 'every hit served by the intended tier, no hit ran a loader, every invalidated entry reloaded'}`,
    ]),
    'cache-targets': report.targetsTable(targets),
    'cache-throughput': report.table(
      'Scenario | Payload | Library | ops/s | µs/op | ops/s min – max | ours ÷ this',
      specs.map((s) => {
        const [ops, us] = [median(s.ops), 1e6 / median(s.ops)];
        return `${s.scenario} | ${payloads[s.payload].label} | ${bold(s.lib)} | ${fmt(ops)} | ${fmt(us, us >= 100 ? 0 : us >= 10 ? 1 : 2)} | ${fmt(Math.min(...s.ops))} – ${fmt(Math.max(...s.ops))} | ${s.lib === OURS ? '' : times(ratioOf(s.scenario, s.payload, s.lib))}`;
      }),
      'lllrrrr',
    ),
    'cache-invalidation': report.table(
      'Library | Entries | ms (median) | ms min – max | Round trips | Redis commands | Commands',
      [
        ...invalidations.map(({ lib, n, ms, counted: c }) => {
          const [mid, min, max] = ms3(ms);
          const commands = Object.entries(c?.byName ?? {}).map(([name, k]) => `${name} ×${k}`);
          return `${bold(lib)} | ${fmt(n)} | ${mid} | ${min} – ${max} | ${c?.roundTrips} | ${c?.serverCommands} | ${commands.join(', ')}`;
        }),
        ...SIZES.map((n) => `${CM} | ${fmt(n)} | n/a | n/a | n/a | n/a | no tag support`),
      ],
      'lrrrrrl',
    ),
  });
} finally {
  for (const subject of subjects) await subject.close().catch(() => undefined);
  raw.disconnect();
  console.log(`cleanup: removed ${await admin.unlinkMatching(token)} key(s) carrying ${token}`);
  admin.close();
  await throwaway?.destroy();
}
// ioredis and BentoCache's bus can leave handles open; the run is over.
process.exit(process.exitCode ?? 0);
