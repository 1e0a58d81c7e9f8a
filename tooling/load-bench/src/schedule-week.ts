/**
 * The week view (`schedule.week`) at the 10× volume (40,000 customers, 100,000 vehicles,
 * 60,000 work orders) with a year of appointments around today: uncached (an API with the cache
 * off, one request at a time over the year's weeks: what one answer costs) and cached (L1 hits,
 * 32 connections, beside the bare server serving the same bytes). Its own database and run:
 * seeding the work orders takes minutes. BENCH_ONLY=schedule runs it alone.
 */
import {
  fmt,
  percentile,
  quick,
  startRun,
  type Target,
  table,
  targetsTable,
  times,
  writeBlocks,
} from '@garage/bench-report';
import {
  type Api,
  type CacheMode,
  cacheStats,
  cpuSeconds,
  type LookupWindow,
  lookupsBetween,
} from './api';
import { startBareServer } from './bare-server';
import { call, inParallel, queryPath } from './http';
import { guarded, startInfra } from './infra';
import { startGenerators } from './load';

const volume = quick
  ? { customers: 4_000, vehicles: 10_000, workOrders: 600, appointments: 5_000 }
  : { customers: 40_000, vehicles: 100_000, workOrders: 60_000, appointments: 50_000 };
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 8));
const connections = 32;
/** The target for an uncached answer. */
const uncachedMs = 100;
const procedure = 'schedule.week';
/** Headers Node writes itself for each connection and response. */
const ownHeaders = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The weeks of the seeded year, each from its Monday: the 26 before this week's and 26 from it. */
function yearOfWeeks(now: Date): string[] {
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const thisWeek = monday - ((new Date(monday).getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 52 }, (_, index) =>
    new Date(thisWeek + (index - 26) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

/** The route's cache lookups while `measure` runs on `api`. */
async function lookupsDuring<T>(api: Api, measure: () => Promise<T>) {
  const stats = async () => (await cacheStats(api)).lookups(procedure);
  const before = await stats();
  const result = await measure();
  return { result, lookups: lookupsBetween(before, await stats()) };
}

/** One request after the other for `seconds`, cycling over `paths`: each answer's time, ms. */
async function oneAtATime(api: Api, paths: readonly string[]) {
  const answers: number[] = [];
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  for (let index = 0; performance.now() < deadline; index++) {
    const started = performance.now();
    const reply = await call(api.port, 'GET', paths[index % paths.length] ?? '', {
      cookie: api.staff,
    });
    if (reply.status === 200) answers.push(performance.now() - started);
    else failed++;
  }
  return { answers, failed };
}

const tiers = (w: LookupWindow) =>
  w.total
    ? [w.l1Hits, w.l2Hits, w.misses].map((n) => `${fmt((100 * n) / w.total, 1)} %`).join(' / ')
    : 'none';

function checkServedBy(mode: CacheMode, w: LookupWindow) {
  const fits = mode === 'off' ? w.l1Hits + w.l2Hits === 0 : w.l1Share >= 0.9;
  if (!fits) {
    throw new Error(
      `${procedure} ${mode}: lookups L1 ${w.l1Hits} / L2 ${w.l2Hits} / miss ${w.misses}: the cache mode did not take (see cacheModes in src/api.ts)`,
    );
  }
  return w;
}

const wanted = process.env.BENCH_ONLY?.split(',').includes('schedule') ?? true;

if (wanted) {
  await guarded('schedule bench', 45, async (defer) => {
    const runTable = startRun();
    console.log(
      `schedule bench: seeding ${volume.customers} customers / ${volume.vehicles} vehicles / ${volume.workOrders} work orders / ${volume.appointments} appointments`,
    );
    const infra = await startInfra(volume, defer);
    const paths = yearOfWeeks(new Date()).map((start) => queryPath(procedure, { start }));
    const [off, l1] = await Promise.all([infra.api('off', 'off'), infra.api('l1')]);

    console.log(`1. ${procedure} uncached, one request at a time over ${paths.length} weeks`);
    await call(off.port, 'GET', paths[0] ?? '', { cookie: off.staff });
    const cpuBefore = cpuSeconds(off.pid);
    const uncached = await lookupsDuring(off, () => oneAtATime(off, paths));
    // The API's own CPU per answer: what the load of a shared machine changes least.
    const cpuPerAnswer =
      ((cpuSeconds(off.pid) - cpuBefore) * 1000) / uncached.result.answers.length;
    checkServedBy('off', uncached.lookups);
    const answers = uncached.result.answers;
    const [p50, p99] = [percentile(answers, 50), percentile(answers, 99)];
    console.log(`  p50 ${fmt(p50, 1)} ms, p99 ${fmt(p99, 1)} ms over ${answers.length} answers`);

    console.log(
      `2. ${procedure} cached (L1 hits), ${connections} connections, and the bare server`,
    );
    const generators = startGenerators(1);
    defer(generators.stop);
    await inParallel(paths, connections, (path) =>
      call(l1.port, 'GET', path, { cookie: l1.staff }),
    );
    const reply = await call(l1.port, 'GET', paths[0] ?? '', { cookie: l1.staff });
    const headers = Object.entries(reply.headers).filter(([name]) => !ownHeaders.has(name));
    const bare = await startBareServer({
      [`/trpc/${procedure}`]: {
        headers: Object.fromEntries(headers),
        body: Buffer.from(reply.body),
      },
    });
    defer(bare.stop);
    const load = { paths, connections, seconds };
    await generators.run(l1, { ...load, cookie: l1.staff, seconds: 1 });
    const cached = await lookupsDuring(l1, () => generators.run(l1, { ...load, cookie: l1.staff }));
    checkServedBy('l1', cached.lookups);
    const ceiling = await generators.run(bare, load);
    const vsBare = cached.result.rps / ceiling.rps;
    console.log(
      `  L1 ${fmt(cached.result.rps)} req/s, bare ${fmt(ceiling.rps)} req/s (${times(vsBare)})`,
    );
    await Promise.all([off.stop(), l1.stop()]);

    const appointments = await infra.db.prisma.appointment.count();
    const workOrders = await infra.db.prisma.workOrder.count();
    const lifts = await infra.db.prisma.bay.count();
    const targets: Target[] = [
      {
        text: `${procedure} uncached: median answer < ${uncachedMs} ms`,
        measured: `${fmt(p50, 1)} ms (p99 ${fmt(p99, 1)} ms)`,
        met: p50 < uncachedMs,
      },
    ];
    writeBlocks({
      'load-schedule': [
        runTable([
          ...infra.described,
          `data, schedule | ${fmt(workOrders)} work orders; ${fmt(appointments)} appointments over a year on ${lifts} lifts`,
          `load | uncached: one request at a time for ${seconds} s; cached: autocannon, ${connections} connections, ${seconds} s; both over ${paths.length} weeks`,
        ]),
        targetsTable(targets),
        table(
          'Procedure | Configuration | req/s | p50 ms | p99 ms | × bare server | server CPU ms / answer | lookups L1 / L2 / miss | bytes / response | errors',
          [
            `${procedure} | cache off, one request at a time | ${fmt(answers.length / seconds)} | ${fmt(p50, 1)} | ${fmt(p99, 1)} |  | ${fmt(cpuPerAnswer, 1)} | ${tiers(uncached.lookups)} |  | ${uncached.result.failed}`,
            `${procedure} | L1 hit, ${connections} connections | ${fmt(cached.result.rps)} | ${fmt(cached.result.p50, 2)} | ${fmt(cached.result.p99, 2)} | ${times(vsBare)} | ${fmt(cached.result.targetMicrosPerRequest / 1000, 2)} | ${tiers(cached.lookups)} | ${fmt(cached.result.bytesPerResponse)} | ${cached.result.failed}`,
          ],
          'llrrrrrrrr',
        ),
      ].join('\n\n'),
    });
  });
}
