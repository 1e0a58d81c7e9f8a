import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@garage/test-services';
import { call, queryPath, resultOf, signIn } from './http';

/**
 * The API's environment per cache mode: the one place that knows the API's setting names
 * (README: `CACHE_L1_MAX_BYTES=0` leaves Redis only, `CACHE_TIERS=off` turns cached reads off).
 * The throughput bench checks on every row, from `cache.stats`, that the mode took, and stops
 * naming this table if it did not.
 */
export const cacheModes = {
  l1: { label: 'L1 hit', env: {} },
  l2: { label: 'L2 hit (L1 off)', env: { CACHE_L1_MAX_BYTES: '0' } },
  off: { label: 'cache off', env: { CACHE_TIERS: 'off' } },
} as const;
export type CacheMode = keyof typeof cacheModes;

/** The built API (`pnpm --filter @garage/api build`); turbo's bench task builds it first. */
const entry = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));

/** A running API process, signed in as staff and as admin. */
export type Api = Awaited<ReturnType<typeof startApi>>;

const running = new Set<() => Promise<void>>();
/** Stops every API still running (the end of a run, whatever happened). */
export const stopApis = () => Promise.all([...running].map((stop) => stop()));

/**
 * Starts the built API on a free port, waits until /readyz says ready and signs in.
 * BENCH_API_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to its `node`.
 */
export async function startApi(options: {
  name: string;
  databaseUrl: string;
  redisUrl: string;
  namespace: string;
  mode: CacheMode;
  /** More settings of the API (e.g. LIVE_MAX_STREAMS_PER_SESSION). */
  env?: Record<string, string>;
}) {
  const port = await freePort();
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: {
      PATH: process.env.PATH ?? '',
      // Not production: production refuses the demo accounts the bench signs in with.
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      API_PORT: String(port),
      CACHE_NAMESPACE: options.namespace,
      ...cacheModes[options.mode].env,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  /** SIGTERM (graceful: a `--cpu-prof` profile is written), SIGKILL after 10 s. */
  const stop = async () => {
    running.delete(stop);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  running.add(stop);
  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    const reply = await call(port, 'GET', '/readyz', { timeoutMs: 1_000 });
    if (reply.status === 200 && reply.body.includes('"cache":"redis"')) {
      const [staff, admin] = [await signIn(port, 'staff'), await signIn(port, 'admin')];
      return { name: options.name, port, pid: child.pid ?? 0, child, staff, admin, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`API ${options.name} did not get ready:\n${tail}`);
}

/** CPU seconds (user + system, every thread) a process has used so far (/proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

export type Lookups = Record<'l1Hits' | 'l2Hits' | 'misses', number>;

/** What the admin `cache.stats` says: each route's lookups, L1's size, Redis's key count. */
export async function cacheStats(api: Api) {
  const reply = await call(api.port, 'GET', queryPath('cache.stats'), { cookie: api.admin });
  if (reply.status !== 200) throw new Error(`cache.stats answered ${reply.status}: ${reply.body}`);
  const stats = resultOf<{
    routes: ({ route: string } & Lookups)[];
    l1: { entries: number; bytes: number; maxBytes: number };
    redis: { namespaceKeys: number | null } | null;
  }>(reply.body);
  return {
    lookups(route: string): Lookups {
      const found = stats.routes.find((r) => r.route === route);
      return { l1Hits: found?.l1Hits ?? 0, l2Hits: found?.l2Hits ?? 0, misses: found?.misses ?? 0 };
    },
    l1: stats.l1,
    namespaceKeys: stats.redis?.namespaceKeys ?? null,
  };
}

/** The lookups between two readings of `cacheStats`, and the tiers' shares of them. */
export function lookupsBetween(before: Lookups, after: Lookups) {
  const l1Hits = after.l1Hits - before.l1Hits;
  const l2Hits = after.l2Hits - before.l2Hits;
  const misses = after.misses - before.misses;
  const total = l1Hits + l2Hits + misses;
  return {
    l1Hits,
    l2Hits,
    misses,
    total,
    hitRatio: total > 0 ? (l1Hits + l2Hits) / total : Number.NaN,
    l1Share: total > 0 ? l1Hits / total : Number.NaN,
  };
}

export type LookupWindow = ReturnType<typeof lookupsBetween>;
