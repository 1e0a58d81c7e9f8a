import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '@garage/db';
import { demoAccounts } from '@garage/db/seed';
import { createDatabase, freePort, waitFor } from '@garage/test-services';
import { describe, expect, inject, it } from 'vitest';

// The demo accounts have a published password: on a real PostgreSQL (DATABASE_URL) the API
// seeds them only when asked to (SEED_DEMO_DATA=true, or `pnpm db:seed`). The embedded
// database still seeds itself on first start (tooling/fresh-clone checks that).

const apiDir = join(import.meta.dirname, '..');
const tsx = join(apiDir, 'node_modules/.bin/tsx');

/** Runs the API's real entry point on an empty database until it is ready; returns its users. */
async function usersAfterFirstStart(env: Record<string, string>): Promise<number> {
  const databaseUrl = await createDatabase(inject('postgresUrl'));
  const port = await freePort();
  const child: ChildProcess = spawn(tsx, ['src/main.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: 'inherit',
  });
  try {
    await waitFor(
      'the API to be ready',
      async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok,
      60_000,
    );
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  const db = await openDatabase({ url: databaseUrl });
  try {
    return await db.prisma.user.count();
  } finally {
    await db.close();
  }
}

describe('seeding on start', () => {
  it('with DATABASE_URL, leaves an empty database without the demo accounts', async () => {
    expect(await usersAfterFirstStart({})).toBe(0);
  });

  it('with DATABASE_URL and SEED_DEMO_DATA=true, seeds the demo accounts', async () => {
    expect(await usersAfterFirstStart({ SEED_DEMO_DATA: 'true' })).toBe(demoAccounts.length);
  });
});
