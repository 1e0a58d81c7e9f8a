import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from '@garage/test-services';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** The environment of a new user: none of our variables, so the embedded db and L1-only cache. */
function newUserEnv(ports: { api: number; web: number }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'API_URL', 'NODE_ENV', 'SESSION_SECRET']) {
    delete env[name];
  }
  for (const name of Object.keys(env))
    if (name.startsWith('VITEST') || name.startsWith('TURBO_')) delete env[name];
  return {
    ...env,
    // The builds this checkout already made from the same sources are reused (turbo restores
    // them by content hash); a clone whose sources differ builds for itself.
    TURBO_CACHE_DIR: join(repoRoot, '.turbo/cache'),
    API_PORT: String(ports.api),
    WEB_PORT: String(ports.web),
    API_URL: `http://127.0.0.1:${ports.api}`,
  };
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
  return response.status < 500;
}

describe('README: `pnpm install && pnpm start` on a fresh clone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'garage-clone-'));
  let app: ChildProcess | undefined;

  afterAll(async () => {
    if (app?.pid) {
      process.kill(-app.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 2_000));
      try {
        process.kill(-app.pid, 'SIGKILL');
      } catch {
        // already gone: SIGTERM was enough
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the web UI and the API on the embedded database, without Redis', async () => {
    const clone = join(dir, 'garage');
    execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
    expect(existsSync(join(clone, '.data'))).toBe(false);

    const ports = { api: await freePort(), web: await freePort() };
    const env = newUserEnv(ports);
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
      cwd: clone,
      env,
      stdio: 'inherit',
    });
    app = spawn('pnpm', ['start'], { cwd: clone, env, detached: true, stdio: 'inherit' });

    await waitFor(
      'the API /healthz',
      () => answers(`http://127.0.0.1:${ports.api}/healthz`),
      8 * 60_000,
    );
    await waitFor('the web UI', () => answers(`http://127.0.0.1:${ports.web}/`), 2 * 60_000);

    const ready = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', cache: 'memory' });
    // The embedded database was created, migrated and seeded on first start.
    expect(existsSync(join(clone, '.data', 'pglite'))).toBe(true);
    const login = await fetch(`http://127.0.0.1:${ports.web}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'alice@garage.test', password: 'garage-demo' } }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/garage_session=/);
  });
});
