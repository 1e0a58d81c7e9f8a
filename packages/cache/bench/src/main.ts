/**
 * Side-by-side benchmark of @garage/cache against BentoCache, cache-manager and a raw ioredis
 * GET, on one local Redis, in one run. Writes the "Cache engine" section of docs/benchmarks.md.
 *
 *   pnpm --filter @garage/cache-bench bench          # full run (about 2-3 minutes)
 *   BENCH_QUICK=1 pnpm --filter @garage/cache-bench bench   # smoke run, prints, writes nothing
 *
 * Env: REDIS_URL (default redis://127.0.0.1:6379), BENCH_ROUNDS (5), BENCH_TIME_MS (250).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis as Redis6 } from 'ioredis6';
import superjson from 'superjson';
import { Bench } from 'tinybench';
import { vehiclePage, vehicleRow } from './payloads';
import { RedisAdmin, redisOptionsFromUrl } from './redis-admin';
import { renderSection } from './render';
import { median, writeSection } from './report';
import { type BenchKey, benchKey, bento, cacheManager, ours, type Subject } from './subjects';
import type { InvalidationResult, RunInfo, ScenarioResult } from './types';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 1 : positiveInt(process.env.BENCH_ROUNDS, 5);
const TIME_MS = QUICK ? 40 : positiveInt(process.env.BENCH_TIME_MS, 250);
const INVALIDATION_SIZES = QUICK ? [100, 1_000] : [1_000, 10_000];
/** Timed invalidations per library and size: each needs a fresh fill, so a few per round. */
const INVALIDATION_SAMPLES = ROUNDS * 2;
const HIT_TTL_MS = 10 * 60_000;
const MISS_TTL_MS = 30_000;
const INVALIDATION_TTL_MS = 5 * 60_000;
/** Calls per tinybench sample: one sample is the mean of a batch, so a timer read costs little. */
const BATCH = { l1: 200, l2: 20, miss: 10 } as const;

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const token = `gbench-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const connection = redisOptionsFromUrl(REDIS_URL);
const admin = new RedisAdmin(connection);

const payloads = {
  row: {
    value: vehicleRow(42),
    key: benchKey('vehicle.byId', { id: 42 }),
    tags: ['vehicle:42'],
  },
  page: {
    value: vehiclePage(0),
    key: benchKey('vehicle.list', { cursor: 0, limit: 50, sort: 'plate', status: 'active' }),
    tags: ['vehicles'],
  },
} as const;
type PayloadName = keyof typeof payloads;
const PAYLOADS: PayloadName[] = ['row', 'page'];

/** Hit scenarios must never reach the loader; counted, reported if it happens. */
const unexpectedLoads: string[] = [];

interface TaskSpec {
  scenario: ScenarioResult['scenario'];
  payload: PayloadName;
  lib: string;
  batch: number;
  op: () => Promise<unknown>;
}

/** Waits until our L1 is trusted (the bus subscriber is up): a re-read is then an L1 hit. */
async function untilL1Trusted(subject: Subject, key: BenchKey, value: unknown): Promise<void> {
  const loader = async () => value;
  for (let attempt = 0; attempt < 100; attempt++) {
    await subject.getOrSet(key, loader, [], HIT_TTL_MS);
    const tiers = await subject.probeTiers(() => subject.getOrSet(key, loader, [], HIT_TTL_MS));
    if (tiers.l1 > 0) return;
    await sleep(20);
  }
  throw new Error(`${subject.label}: L1 never became trusted (bus not connected?)`);
}

function hitOp(subject: Subject, payload: PayloadName, scenario: string) {
  const { key, tags, value } = payloads[payload];
  const loader = async () => {
    unexpectedLoads.push(`${scenario} ${payload} ${subject.label}`);
    return value;
  };
  const tagList = [...tags];
  return () => subject.getOrSet(key, loader, tagList, HIT_TTL_MS);
}

function missOp(subject: Subject, payload: PayloadName) {
  const { value } = payloads[payload];
  const route = payload === 'row' ? 'vehicle.byIdFresh' : 'vehicle.listFresh';
  const loader = async () => value;
  let n = 0;
  return () => {
    n++;
    const key = benchKey(route, { id: n });
    const tags = payload === 'row' ? [`vehicle:${n}`] : ['vehicles'];
    return subject.getOrSet(key, loader, tags, MISS_TTL_MS);
  };
}

async function runRound(specs: TaskSpec[], round: number): Promise<Map<TaskSpec, number>> {
  const bench = new Bench({
    time: TIME_MS,
    warmupTime: Math.min(50, TIME_MS),
    warmupIterations: 3,
    iterations: 5,
    throws: true,
  });
  // Libraries compared with each other run back to back (one group per scenario and payload),
  // so a change in the machine's load hits them alike; the order inside each group and the
  // order of the groups rotate every round, so no library always runs first.
  const groups = new Map<string, TaskSpec[]>();
  for (const spec of specs) {
    const id = `${spec.scenario}|${spec.payload}`;
    groups.set(id, [...(groups.get(id) ?? []), spec]);
  }
  const rotate = <T>(list: T[], by: number): T[] => {
    const k = by % list.length;
    return [...list.slice(k), ...list.slice(0, k)];
  };
  const ordered = rotate([...groups.values()], round).flatMap((group) => rotate(group, round));
  const byName = new Map<string, TaskSpec>();
  for (const spec of ordered) {
    const name = `${spec.scenario} | ${spec.payload} | ${spec.lib}`;
    byName.set(name, spec);
    bench.add(name, async () => {
      const started = performance.now();
      for (let i = 0; i < spec.batch; i++) await spec.op();
      const elapsed = performance.now() - started;
      return { overriddenDuration: elapsed / spec.batch, overriddenIterationCost: elapsed };
    });
  }
  gc();
  await bench.run();
  const out = new Map<TaskSpec, number>();
  for (const task of bench.tasks) {
    const spec = byName.get(task.name);
    const result = task.result;
    if (!spec || !('latency' in result)) throw new Error(`task ${task.name}: ${result.state}`);
    out.set(spec, 1000 / result.latency.mean);
  }
  return out;
}

/** Waits (bounded) until the event loop is idle: three 5 ms sleeps in a row that overrun < 1 ms. */
async function settle(): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < 400 && quiet < 3; i++) {
    const started = performance.now();
    await sleep(5);
    quiet = performance.now() - started < 6 ? quiet + 1 : 0;
  }
}

async function fillEntries(subject: Subject, n: number, tag: string, rows: unknown[]) {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const row = rows[i % rows.length];
      await subject.getOrSet(
        benchKey('vehicle.byId', { id: i, fleet: tag }),
        async () => row,
        [tag, `vehicle:${i}`],
        INVALIDATION_TTL_MS,
      );
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/** One tag invalidation over `n` live entries: timed, or counted under MONITOR (not both). */
async function invalidationOnce(
  kind: 'ours' | 'bento',
  n: number,
  label: string,
  mode: 'time' | 'count',
): Promise<
  | { ms: number; stale: boolean }
  | { roundTrips: number; serverCommands: number; byName: Record<string, number>; stale: boolean }
> {
  const prefix = `${token}-i${label}-${kind}-${n}`;
  const subject =
    kind === 'ours'
      ? ours({ label: kind, namespace: prefix, redis: connection, connectionName: prefix })
      : bento({
          label: kind,
          prefix,
          redis: connection,
          connectionName: prefix,
          serializer: 'superjson',
        });
  try {
    const rows = Array.from({ length: 1_000 }, (_, i) => vehicleRow(i));
    if (kind === 'ours') {
      await untilL1Trusted(subject, benchKey('probe', { at: prefix }), 1);
    }
    // One invalidation of an unused tag first, so the timed call measures a warm instance
    // (first-call costs such as a bus connection's first publish are not what we compare).
    await subject.invalidateTags?.([`unused:${label}`]);
    const tag = `fleet:${label}:${n}`;
    await fillEntries(subject, n, tag, rows);
    await settle(); // bus traffic of the fill (BentoCache publishes every set) must be over
    gc();
    let measured:
      | { ms: number }
      | { roundTrips: number; serverCommands: number; byName: Record<string, number> };
    if (mode === 'time') {
      const started = performance.now();
      await subject.invalidateTags?.([tag]);
      measured = { ms: performance.now() - started };
    } else {
      measured = await admin.countCommands(
        prefix,
        () => subject.invalidateTags?.([tag]) ?? Promise.resolve(),
      );
    }
    // Sanity (not timed): an invalidated entry must reach the loader again.
    let reloaded = false;
    await subject.getOrSet(
      benchKey('vehicle.byId', { id: 0, fleet: tag }),
      async () => {
        reloaded = true;
        return rows[0];
      },
      [tag],
      INVALIDATION_TTL_MS,
    );
    return { ...measured, stale: !reloaded };
  } finally {
    await subject.close();
    await admin.unlinkMatching(prefix);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const redisVersion = await admin.serverVersion();
  console.log(`cache bench: Redis ${redisVersion} at ${connection.host}:${connection.port}`);
  console.log(`run token ${token}; ${ROUNDS} round(s) of ${TIME_MS} ms per task`);
  const raw = new Redis6({ ...connection, connectionName: `${token}-raw` });
  const subjects: Subject[] = [];
  const add = <S extends Subject>(subject: S): S => {
    subjects.push(subject);
    return subject;
  };
  try {
    const common = { redis: connection };
    const O = add(
      ours({ ...common, label: '@garage/cache', namespace: `${token}-o`, connectionName: token }),
    );
    const OL2 = add(
      ours({
        ...common,
        label: '@garage/cache',
        namespace: `${token}-ol2`,
        connectionName: token,
        l1MaxBytes: 0,
      }),
    );
    const OMiss = add(
      ours({ ...common, label: '@garage/cache', namespace: `${token}-om`, connectionName: token }),
    );
    const bentoLabel = 'BentoCache (superjson)';
    const bentoJsonLabel = 'BentoCache (JSON, its default)';
    const B = add(
      bento({
        ...common,
        label: bentoLabel,
        prefix: `${token}-b`,
        connectionName: token,
        serializer: 'superjson',
      }),
    );
    const BL2 = add(
      bento({
        ...common,
        label: bentoLabel,
        prefix: `${token}-bl2`,
        connectionName: token,
        serializer: 'superjson',
        l1MaxEntryBytes: 256,
      }),
    );
    const BMiss = add(
      bento({
        ...common,
        label: bentoLabel,
        prefix: `${token}-bm`,
        connectionName: token,
        serializer: 'superjson',
      }),
    );
    const BJ = add(
      bento({
        ...common,
        label: bentoJsonLabel,
        prefix: `${token}-bj`,
        connectionName: token,
        serializer: 'json',
      }),
    );
    const BJL2 = add(
      bento({
        ...common,
        label: bentoJsonLabel,
        prefix: `${token}-bjl2`,
        connectionName: token,
        serializer: 'json',
        l1MaxEntryBytes: 256,
      }),
    );
    const BLive = add(
      bento({
        ...common,
        label: 'BentoCache (superjson, L1 serialize: false)',
        prefix: `${token}-blive`,
        connectionName: token,
        serializer: 'superjson',
        l1Serialize: false,
      }),
    );
    const cmLabel = 'cache-manager (superjson)';
    const C = add(cacheManager({ label: cmLabel, namespace: `${token}-c`, redisUrl: REDIS_URL }));
    const CL2 = add(
      cacheManager({ label: cmLabel, namespace: `${token}-cl2`, redisUrl: REDIS_URL, l1: false }),
    );
    const CMiss = add(
      cacheManager({ label: cmLabel, namespace: `${token}-cm`, redisUrl: REDIS_URL }),
    );

    // Prime every hit subject and check where its reads are served from (never timed).
    const sanity: string[] = [];
    await untilL1Trusted(O, benchKey('probe', { at: 'o' }), 1);
    const expectTier = async (subject: Subject, payload: PayloadName, tier: 'l1' | 'l2') => {
      const read = hitOp(subject, payload, 'prime');
      const { key, tags, value } = payloads[payload];
      await subject.getOrSet(key, async () => value, [...tags], HIT_TTL_MS);
      await sleep(20);
      const tiers = await subject.probeTiers(async () => {
        for (let i = 0; i < 5; i++) await read();
      });
      const ok = tiers[tier] === 5;
      const line = `${subject.label} ${payload} (${tier} expected): l1=${tiers.l1} l2=${tiers.l2}`;
      sanity.push(ok ? line : `UNEXPECTED ${line}`);
      if (!ok) console.warn(`sanity: ${line}`);
    };
    for (const payload of PAYLOADS) {
      for (const s of [O, B, BJ, BLive, C]) await expectTier(s, payload, 'l1');
      for (const s of [OL2, BL2, BJL2, CL2]) await expectTier(s, payload, 'l2');
    }
    const floorKeys = {
      row: { sj: `${token}-raw:row:sj`, json: `${token}-raw:row:json` },
      page: { sj: `${token}-raw:page:sj`, json: `${token}-raw:page:json` },
    };
    for (const payload of PAYLOADS) {
      const value = payloads[payload].value;
      await raw.set(floorKeys[payload].sj, superjson.stringify(value), 'PX', HIT_TTL_MS);
      await raw.set(floorKeys[payload].json, JSON.stringify(value), 'PX', HIT_TTL_MS);
    }
    unexpectedLoads.length = 0;

    const specs: TaskSpec[] = [];
    for (const payload of PAYLOADS) {
      for (const s of [O, B, BJ, BLive, C]) {
        const op = hitOp(s, payload, 'L1 hit');
        specs.push({ scenario: 'L1 hit', payload, lib: s.label, batch: BATCH.l1, op });
      }
      for (const s of [OL2, BL2, BJL2, CL2]) {
        const op = hitOp(s, payload, 'L2 hit');
        specs.push({ scenario: 'L2 hit', payload, lib: s.label, batch: BATCH.l2, op });
      }
      const { sj, json } = floorKeys[payload];
      specs.push({
        scenario: 'L2 hit',
        payload,
        lib: 'raw GET + superjson.parse (floor)',
        batch: BATCH.l2,
        op: async () => superjson.parse((await raw.get(sj)) as string),
      });
      specs.push({
        scenario: 'L2 hit',
        payload,
        lib: 'raw GET + JSON.parse',
        batch: BATCH.l2,
        op: async () => JSON.parse((await raw.get(json)) as string),
      });
      for (const s of [OMiss, BMiss, CMiss]) {
        const op = missOp(s, payload);
        specs.push({ scenario: 'miss + fill', payload, lib: s.label, batch: BATCH.miss, op });
      }
    }

    const samples = new Map<TaskSpec, number[]>(specs.map((spec) => [spec, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = Date.now();
      const results = await runRound(specs, round);
      for (const [spec, ops] of results) samples.get(spec)?.push(ops);
      // Fresh-key entries of the miss scenario: drop them so Redis stays small.
      for (const prefix of [`${token}-om`, `${token}-bm`, `${token}-cm`]) {
        await admin.unlinkMatching(prefix);
      }
      console.log(`round ${round + 1}/${ROUNDS}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    // The hit and miss subjects are done: close them, so their bus subscribers do not
    // process the invalidation passes' traffic while a call is being timed.
    for (const subject of subjects.splice(0)) await subject.close();

    // Tag invalidation: counted once per library and size under MONITOR, then timed
    // INVALIDATION_SAMPLES times (fresh instance and fill each time; libraries alternate).
    const invalidations: InvalidationResult[] = [];
    const kinds = ['ours', 'bento'] as const;
    for (const n of INVALIDATION_SIZES) {
      const t0 = Date.now();
      const partial = new Map<(typeof kinds)[number], InvalidationResult>();
      for (const kind of kinds) {
        const counted = await invalidationOnce(kind, n, 'c', 'count');
        if (!('roundTrips' in counted)) throw new Error('count pass returned no counts');
        partial.set(kind, {
          lib: kind === 'ours' ? '@garage/cache' : bentoLabel,
          entries: n,
          msSamples: [],
          roundTrips: counted.roundTrips,
          serverCommands: counted.serverCommands,
          byName: counted.byName,
          staleAfter: counted.stale,
        });
      }
      for (let sample = 0; sample < INVALIDATION_SAMPLES; sample++) {
        for (const kind of sample % 2 === 0 ? kinds : [...kinds].reverse()) {
          const timed = await invalidationOnce(kind, n, `s${sample}`, 'time');
          const result = partial.get(kind) as InvalidationResult;
          if ('ms' in timed) result.msSamples.push(timed.ms);
          result.staleAfter ||= timed.stale;
        }
      }
      for (const result of partial.values()) {
        invalidations.push(result);
        console.log(
          `invalidation ${result.lib} over ${n}: median ${median(result.msSamples).toFixed(3)} ms, ${result.roundTrips} round trip(s)`,
        );
      }
      console.log(`invalidation over ${n}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    const scenarios: ScenarioResult[] = specs.map((spec) => ({
      scenario: spec.scenario,
      payload: spec.payload,
      lib: spec.lib,
      opsPerRound: samples.get(spec) ?? [],
    }));
    const info: RunInfo = {
      date: new Date().toISOString(),
      rounds: ROUNDS,
      timeMs: TIME_MS,
      invalidationSamples: INVALIDATION_SAMPLES,
      batches: BATCH,
      redisVersion,
      redisTarget: `${connection.host}:${connection.port}`,
      durationS: (Date.now() - started) / 1000,
      load: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      sanity,
      unexpectedLoads: [...new Set(unexpectedLoads)],
    };
    const section = renderSection(info, scenarios, invalidations);
    if (QUICK) {
      console.log(`\n${section}\n\n(BENCH_QUICK=1: docs/benchmarks.md not written)`);
    } else {
      const docs = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));
      writeSection(docs, section);
      console.log(`\n${section}\n\nwritten to ${docs}`);
    }
  } finally {
    for (const subject of subjects) await subject.close().catch(() => undefined);
    raw.disconnect();
    const removed = await admin.unlinkMatching(token);
    console.log(`cleanup: removed ${removed} key(s) carrying ${token}`);
    admin.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
