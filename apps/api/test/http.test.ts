import { freePort } from '@garage/test-services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';

describe('HTTP endpoints', () => {
  let api: TestApi;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
    api = await startApi({ databaseUrl, redisUrl: inject('redisUrl') });
  });
  afterAll(() => api.stop());

  it('answers /healthz', async () => {
    const response = await fetch(`${api.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready with the database up and Redis connected', async () => {
    const response = await fetch(`${api.base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'up', cache: 'redis' });
  });

  it('stays ready with Redis unreachable (degraded), and is unready without the database', async () => {
    const deadPort = await freePort();
    const degraded = await startApi({ databaseUrl, redisUrl: `redis://127.0.0.1:${deadPort}` });
    const noDatabase = await startApi({
      databaseUrl: `postgresql://nobody@127.0.0.1:${deadPort}/none`,
    });
    try {
      // The first Redis calls fail over to the loader; the mode turns degraded once they have.
      const staff = await degraded.as('staff');
      await staff.customer.list.query({});
      const ready = await fetch(`${degraded.base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ database: 'up', cache: 'degraded' });

      const unready = await fetch(`${noDatabase.base}/readyz`);
      expect(unready.status).toBe(503);
      expect(await unready.json()).toMatchObject({ status: 'unready', database: 'down' });
    } finally {
      await degraded.stop();
      await noDatabase.stop();
    }
  });

  it('exposes Prometheus metrics labelled by procedure and cache route, never by id', async () => {
    const staff = await api.as('staff');
    await staff.vehicle.byId.query({ id: 1 });
    await staff.vehicle.byId.query({ id: 1 });
    const text = await (await fetch(`${api.base}/metrics`)).text();
    expect(text).toMatch(/garage_api_requests_total\{procedure="vehicle.byId",status="200"\} 2/);
    expect(text).toMatch(/route="vehicle.byId"/);
    expect(text).not.toMatch(/"id"|\{id=/);
  });

  it('gives every tRPC response a request id, keeping a well-formed one the caller sent', async () => {
    const own = await fetch(`${api.base}/trpc/auth.me`, {
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(own.headers.get('x-request-id')).toBe('trace-42');
    const made = await fetch(`${api.base}/trpc/auth.me`, {
      headers: { 'x-request-id': 'bad id!' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a bad tRPC path with a 404 and unknown paths with 404', async () => {
    expect((await fetch(`${api.base}/trpc/nope.nothing`)).status).toBe(404);
    expect((await fetch(`${api.base}/elsewhere`)).status).toBe(404);
  });
});
