import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/index';
import { createApiServer, type Readiness } from '../src/server';

describe('API HTTP server', () => {
  let databaseUp = true;
  let mode: Awaited<ReturnType<Readiness['cacheMode']>> = 'memory';
  const server = createApiServer({
    checkDatabase: async () => {
      if (!databaseUp) throw new Error('database down');
    },
    cacheMode: async () => mode,
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers /healthz', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('stays ready with a degraded cache, and is unready when the database is down', async () => {
    mode = 'degraded';
    const degraded = await fetch(`${base}/readyz`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({ database: 'up', cache: 'degraded' });

    databaseUp = false;
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ database: 'down' });
    databaseUp = true;
  });

  it('serves tRPC with the superjson transformer under /trpc', async () => {
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${base}/trpc`, transformer: superjson })],
    });
    expect(await client.system.ping.query()).toEqual({ ok: true });
  });

  it('says so when it runs without a database', async () => {
    const shell = createApiServer({ cacheMode: async () => 'memory' });
    await new Promise<void>((resolve) => shell.listen(0, '127.0.0.1', resolve));
    const response = await fetch(
      `http://127.0.0.1:${(shell.address() as AddressInfo).port}/readyz`,
    );
    await new Promise<void>((resolve) => shell.close(() => resolve()));
    expect(await response.json()).toMatchObject({ database: 'not configured', cache: 'memory' });
  });

  it('answers 404 elsewhere', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
