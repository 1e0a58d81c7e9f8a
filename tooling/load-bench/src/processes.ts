import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@garage/test-services';
import { call } from './http';

export type CacheTiers = 'off' | 'l2' | 'l1+l2';

/** The built API (`pnpm --filter @garage/api build`); turbo's bench task builds it first. */
export const apiEntry = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));

export interface ApiProcess {
  readonly name: string;
  readonly port: number;
  readonly pid: number;
  readonly child: ChildProcess;
  /** The last lines the process wrote (for error reports). */
  output(): string;
  /** SIGTERM (graceful: a --cpu-prof profile is written), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

const running = new Set<ApiProcess>();

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `node apps/api/dist/main.js` on a free port and waits until /readyz says ready. */
export async function startApi(options: {
  name: string;
  databaseUrl: string;
  redisUrl: string;
  namespace: string;
  tiers: CacheTiers;
  nodeArgs?: string[];
  /** Another build of the API (for what-if comparisons); the workspace's by default. */
  entry?: string;
}): Promise<ApiProcess> {
  const entry = options.entry ?? apiEntry;
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run pnpm --filter @garage/api build first`);
  }
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // development, not production: production refuses the demo accounts the bench signs in
      // with (the database is seeded before any instance starts).
      NODE_ENV: 'development',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
      CACHE_NAMESPACE: options.namespace,
      CACHE_TIERS: options.tiers,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the API (${options.name})`);

  const api: ApiProcess = {
    name: options.name,
    port,
    pid,
    child,
    output: () => tail,
    async stop() {
      running.delete(api);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  running.add(api);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(api);
      throw new Error(`API ${options.name} exited with ${child.exitCode}:\n${tail}`);
    }
    const ready = await call(port, 'GET', '/readyz', { timeoutMs: 1_000 }).then(
      (reply) => reply.status === 200 && reply.body.includes('"cache":"redis"'),
      () => false,
    );
    if (ready) return api;
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`API ${options.name} not ready after 60 s:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops every API process still running (the bench's finally). */
export async function stopAllApis(): Promise<void> {
  await Promise.all([...running].map((api) => api.stop()));
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** CPU seconds (user + system) a process has used so far (/proc/<pid>/stat, 100 ticks/s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / 100;
}
