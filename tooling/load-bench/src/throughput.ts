import {
  fmt,
  median,
  ms,
  pct,
  type Target,
  table,
  targetsTable,
  times,
} from '@garage/bench-report';
import type { Database } from '@garage/db';
import { type CacheMode, cacheModes, cacheStats, type LookupWindow, lookupsBetween } from './api';
import { startBareServer } from './bare-server';
import { call, inParallel, queryPath } from './http';
import type { Infra } from './infra';
import { type LoadResult, startGenerators } from './load';

const firstIds = { select: { id: true }, orderBy: { id: 'asc' }, take: 2_000 } as const;
const byIds = (rows: { id: number }[]) => rows.map(({ id }) => ({ id }));

/**
 * The routes measured in every cache mode and on the bare server, each with the inputs its
 * requests cycle over: adding a route is one line.
 */
export const routes: { procedure: string; inputs: (db: Database) => Promise<unknown[]> }[] = [
  { procedure: 'vehicle.list', inputs: async () => [{ limit: 50 }] },
  {
    procedure: 'vehicle.byId',
    inputs: async (db) => byIds(await db.prisma.vehicle.findMany(firstIds)),
  },
  { procedure: 'workOrder.board', inputs: async () => [undefined] },
  {
    procedure: 'workOrder.byId',
    inputs: async (db) => byIds(await db.prisma.workOrder.findMany(firstIds)),
  },
];

/** The issue's targets, as ratios of two rows of one run (`procedure:config` keys). */
const ratioTargets = [
  { of: 'vehicle.list:l2', over: 'vehicle.list:l1', atLeast: 0.5 },
  { of: 'vehicle.list:l1', over: 'vehicle.list:bare', atLeast: 0.4 },
  { of: 'vehicle.byId:l2', over: 'vehicle.byId:l1', atLeast: 0.6 },
  { of: 'vehicle.list:l1', over: 'vehicle.list:off', atLeast: 20 },
  { of: 'vehicle.list:l1', over: 'system.ping:ping', atLeast: 0.9 },
];
/** The bare server must serve this many times the API's best figure on its route. */
const generatorHeadroom = 3;

const labels = {
  bare: 'bare server, same bytes',
  l1: cacheModes.l1.label,
  l2: cacheModes.l2.label,
  off: cacheModes.off.label,
  ping: 'bare procedure',
  'ping-session': 'bare procedure + session cookie',
};
type Config = keyof typeof labels;
const isCacheMode = (config: Config): config is CacheMode => config in cacheModes;
/** Headers Node writes itself for each connection and response. */
const ownHeaders = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface CaseResult {
  key: string;
  procedure: string;
  config: Config;
  paths: string[];
  cookie: boolean;
  rounds: LoadResult[];
  /** The route's cache lookups in the last measured run (rows on a cache mode). */
  lookups?: LookupWindow;
}

/**
 * Table 1: every route in every cache mode (an API process each) and on the bare server, and
 * the bare procedure; rounds × rows, each row a warm-up then `seconds` measured.
 */
export async function throughputBlock(
  infra: Infra,
  options: { rounds: number; seconds: number; connections: number; generators: number },
  defer: (cleanup: () => unknown) => void,
) {
  const { connections } = options;
  const generators = startGenerators(options.generators);
  defer(generators.stop);
  const [l1, l2, off] = await Promise.all([
    infra.api('l1'),
    infra.api('l2', 'l2'),
    infra.api('off', 'off'),
  ]);
  const apis = { l1, l2, off };
  const results: CaseResult[] = [];
  const add = (procedure: string, config: Config, paths: string[], cookie = true) =>
    results.push({ key: `${procedure}:${config}`, procedure, config, paths, cookie, rounds: [] });
  const responses: Parameters<typeof startBareServer>[0] = {};
  for (const { procedure, inputs } of routes) {
    const paths = (await inputs(infra.db)).map((input) => queryPath(procedure, input));
    for (const config of ['bare', 'l1', 'l2', 'off'] as const) add(procedure, config, paths);
    // The bytes the API serves from its cache for the route's first input (read twice: cached).
    await call(apis.l1.port, 'GET', paths[0] ?? '', { cookie: apis.l1.staff });
    const reply = await call(apis.l1.port, 'GET', paths[0] ?? '', { cookie: apis.l1.staff });
    const headers = Object.entries(reply.headers).filter(([name]) => !ownHeaders.has(name));
    responses[`/trpc/${procedure}`] = {
      headers: Object.fromEntries(headers),
      body: Buffer.from(reply.body),
    };
  }
  add('system.ping', 'ping', [queryPath('system.ping')], false);
  add('system.ping', 'ping-session', [queryPath('system.ping')]);
  const bare = await startBareServer(responses);
  defer(bare.stop);

  for (let round = 1; round <= options.rounds; round++) {
    for (const result of results) {
      const mode = isCacheMode(result.config) ? result.config : 'l1';
      const api = apis[mode];
      const server = result.config === 'bare' ? bare : api;
      const cookie = result.cookie ? api.staff : undefined;
      const load = { paths: result.paths, connections, ...(cookie ? { cookie } : {}) };
      // Warm-up: every distinct path once (the cache holds them all), then a short burst.
      await inParallel(result.paths, connections, (path) =>
        call(server.port, 'GET', path, cookie ? { cookie } : {}),
      );
      await generators.run(server, { ...load, seconds: 1 });
      const stats = async () => (await cacheStats(api)).lookups(result.procedure);
      const before = isCacheMode(result.config) ? await stats() : undefined;
      const run = await generators.run(server, { ...load, seconds: options.seconds });
      result.rounds.push(run);
      if (before)
        result.lookups = checkServedBy(result.key, mode, lookupsBetween(before, await stats()));
      console.log(
        `  round ${round} ${result.key.padEnd(26)} ${fmt(run.rps).padStart(7)} req/s  p99 ${ms(run.p99)} ms  server ${fmt(run.targetCpu, 2)} cores, generator ${fmt(run.generatorCpu, 2)}${run.failed ? `  FAILED ${run.failed}` : ''}`,
      );
    }
  }
  await Promise.all([l1.stop(), l2.stop(), off.stop()]);
  const targets = throughputTargets(results);
  return `${targetsTable(targets)}\n\n${throughputTable(results)}`;
}

/** Fails the run when a mode did not take (the API's settings were renamed: see `cacheModes`). */
function checkServedBy(key: string, mode: CacheMode, w: LookupWindow) {
  const fits = {
    l1: w.l1Share >= 0.9,
    l2: w.l1Hits === 0 && w.l2Hits >= 0.9 * w.total,
    off: w.l1Hits + w.l2Hits === 0,
  };
  if (fits[mode]) return w;
  throw new Error(
    `${key}: lookups L1 ${w.l1Hits} / L2 ${w.l2Hits} / miss ${w.misses} do not fit "${cacheModes[mode].label}" (env ${JSON.stringify(cacheModes[mode].env)}): update cacheModes in src/api.ts`,
  );
}

/** The median over the rounds of `of`'s req/s over `over`'s in the same round. */
function ratio(results: CaseResult[], of: string, over: string): number {
  const b = results.find((r) => r.key === over)?.rounds ?? [];
  const a = results.find((r) => r.key === of)?.rounds ?? [];
  return median(a.flatMap((r, i) => (b[i] ? [r.rps / b[i].rps] : [])));
}

const mid = (r: CaseResult, field: keyof LoadResult) => median(r.rounds.map((x) => x[field]));

function throughputTargets(results: CaseResult[]): Target[] {
  const label = (key: string, procedureShown = true) => {
    const row = results.find((r) => r.key === key);
    return row ? `${procedureShown ? `${row.procedure} ` : ''}${labels[row.config]}` : key;
  };
  const headroom = routes.map(({ procedure }) => {
    const api = results.filter((r) => r.procedure === procedure && r.config !== 'bare');
    const best = api.sort((a, b) => mid(b, 'rps') - mid(a, 'rps'))[0]?.key ?? '';
    return { best, ratio: ratio(results, `${procedure}:bare`, best) };
  });
  const generatorCpu = results
    .filter((r) => r.config === 'bare')
    .map((r) => fmt(mid(r, 'generatorCpu'), 2));
  return [
    {
      text: `generator not the bottleneck: the bare server ≥ ${generatorHeadroom}× the API's best, per route`,
      measured: `${headroom.map((h) => `${times(h.ratio)} ${label(h.best)}`).join(', ')}; generator ${generatorCpu.join(' / ')} cores`,
      met: headroom.every((h) => h.ratio >= generatorHeadroom),
    },
    ...ratioTargets.map((t) => ({
      text: `${label(t.of)} ≥ ${t.atLeast}× ${label(t.over, !t.over.startsWith(t.of.split(':')[0] ?? ''))}`,
      measured: times(ratio(results, t.of, t.over)),
      met: ratio(results, t.of, t.over) >= t.atLeast,
    })),
  ];
}

function throughputTable(results: CaseResult[]): string {
  const rel = (r: CaseResult, config: Config) =>
    r.procedure === 'system.ping' ? '' : times(ratio(results, r.key, `${r.procedure}:${config}`));
  const tiers = (w?: LookupWindow) =>
    !w
      ? ''
      : w.total
        ? [w.l1Hits, w.l2Hits, w.misses].map((n) => pct(n / w.total)).join(' / ')
        : 'none';
  return table(
    'Procedure | Configuration | req/s | min – max | p50 ms | p99 ms | × cache off | × L1 hit | × bare server | lookups L1 / L2 / miss | server CPU | server µs CPU / req | generator CPU | bytes / response | errors',
    results.map((r) => {
      const rps = r.rounds.map((x) => x.rps);
      return `${r.procedure} | ${labels[r.config]} | ${fmt(median(rps))} | ${fmt(Math.min(...rps))} – ${fmt(Math.max(...rps))} | ${fmt(mid(r, 'p50'), 2)} | ${fmt(mid(r, 'p99'), 2)} | ${rel(r, 'off')} | ${rel(r, 'l1')} | ${rel(r, 'bare')} | ${tiers(r.lookups)} | ${fmt(mid(r, 'targetCpu'), 2)} | ${fmt(mid(r, 'targetMicrosPerRequest'))} | ${fmt(mid(r, 'generatorCpu'), 2)} | ${fmt(mid(r, 'bytesPerResponse'))} | ${fmt(r.rounds.reduce((n, x) => n + x.failed, 0))}`;
    }),
    'llrrrrrrrrrrrrr',
  );
}
