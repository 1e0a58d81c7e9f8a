import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import {
  createDatabase,
  freePort,
  type PostgresServer,
  type RedisServer,
  startPostgres,
  startRedis,
} from '@garage/test-services';

const repoRoot = resolve(import.meta.dirname, '../..');
export const logDir = resolve(import.meta.dirname, '../test-results/servers');

/** What the specs need to know about the running app, passed to them through the environment. */
export interface E2eEnvironment {
  webUrl: string;
  apiUrl: string;
  /**
   * POST `${controlUrl}/redis/stop` or `/redis/start`: the fault flow's switch on Redis;
   * `/api/restart`: the API drains, exits, and starts again on its port (the live flows).
   */
  controlUrl: string;
  /** The port of the SMTP server the API mails to: a flow that reads mail starts one on it. */
  smtpPort: number;
}

/** Refuses to point the browser flows at anything but this machine. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`e2e refuses to run against a non-local database or service: ${host}`);
  }
}

/** Starts a Node script with its output in test-results/servers/<name>.log. */
export function launch(
  name: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

export const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Polls `url` until the server answers, failing at once (with the end of its log) if the
 * process exits first, e.g. `next start` without a build.
 */
export async function ready(name: string, child: ChildProcess, url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) {
      const log = readFileSync(join(logDir, `${name}.log`), 'utf8')
        .trim()
        .split('\n');
      throw new Error(
        `the ${name} server exited (${child.signalCode ?? child.exitCode}) before it answered:\n${log.slice(-15).join('\n')}`,
      );
    }
    if (await answers(url).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for the ${name} server at ${url}`);
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
  return response.status < 500;
}

/** Starts the BUILT web app on `port`, as `pnpm --filter @garage/web start` does. */
export function launchWeb(name: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return launch(name, ['dist/server.js'], join(repoRoot, 'apps/web'), {
    ...env,
    NODE_ENV: 'production',
    WEB_PORT: String(port),
  });
}

/** Starts throwaway PostgreSQL and Redis, then the BUILT API and web app on free ports. */
export async function startApp(): Promise<{ env: E2eEnvironment; stop: () => Promise<void> }> {
  const postgres: PostgresServer = await startPostgres();
  const redis: RedisServer = await startRedis();
  const databaseUrl = await createDatabase(postgres.url, 'garage_test_e2e');
  assertLocal(databaseUrl);
  assertLocal(redis.url);

  const apiPort = await freePort();
  const webPort = await freePort();
  // Reserved for the mail flow's own SMTP server; until it listens, mail waits and is retried.
  const smtpPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;

  const apiEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    API_PORT: String(apiPort),
    SESSION_SECRET: 'e2e-session-secret-not-for-production',
    CACHE_NAMESPACE: 'garage-e2e',
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    // The throwaway database starts empty; the flows sign in as the demo accounts.
    SEED_DEMO_DATA: 'true',
    // The web app on loopback is the proxy in front of the API: believe the address it adds.
    TRUST_PROXY: 'loopback',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Garage <shop@garage.test>',
    PUBLIC_WEB_URL: webUrl,
  };
  let api = launch('api', ['dist/main.js'], join(repoRoot, 'apps/api'), apiEnv);
  const web = launchWeb('web', webPort, { API_URL: apiUrl });

  const restartApi = async () => {
    const gone = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await gone;
    api = launch('api', ['dist/main.js'], join(repoRoot, 'apps/api'), apiEnv);
    await ready('api', api, `${apiUrl}/readyz`);
  };
  const control = await startControl(redis, restartApi);

  const stop = async () => {
    // The throwaway Redis process is unref'd, so awaiting its exit alone would let Node's
    // event loop empty and the runner quit halfway, leaving PostgreSQL running: hold it open.
    const keepAlive = setInterval(() => undefined, 1_000);
    try {
      control.close();
      for (const child of [web, api]) child.kill('SIGTERM');
      await Promise.all(
        [web, api].map((child) =>
          exited(child) ? null : new Promise((r) => child.once('exit', r)),
        ),
      );
      await redis.destroy();
      await postgres.destroy();
    } finally {
      clearInterval(keepAlive);
    }
  };
  try {
    await ready('api', api, `${apiUrl}/readyz`);
    await ready('web', web, `${webUrl}/`);
  } catch (error) {
    await stop();
    throw error;
  }
  const { port } = control.address() as { port: number };
  return { env: { webUrl, apiUrl, controlUrl: `http://127.0.0.1:${port}`, smtpPort }, stop };
}

/**
 * Specs run in worker processes, but the throwaway Redis and the API belong to this one: a
 * loopback-only control endpoint lets the fault flow stop and restart Redis, and the live flows
 * restart the API.
 */
async function startControl(redis: RedisServer, restartApi: () => Promise<void>): Promise<Server> {
  const actions: Record<string, () => Promise<unknown>> = {
    '/redis/stop': () => redis.stop(),
    '/redis/start': () => redis.start(),
    '/api/restart': restartApi,
  };
  const server = createServer((request, response) => {
    const run = request.method === 'POST' ? actions[request.url ?? ''] : undefined;
    const action = run?.();
    if (!action) {
      response.writeHead(404).end();
      return;
    }
    action.then(
      () => response.writeHead(204).end(),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}
