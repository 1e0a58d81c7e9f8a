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

  it('answers /metrics without a token only to a client on this machine', async () => {
    expect((await fetch(`${api.base}/metrics`)).status).toBe(200);
    // The socket peer is loopback, and X-Forwarded-For is not believed from it by default.
    const claimed = await fetch(`${api.base}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.1' },
    });
    expect(claimed.status).toBe(200);

    const behindProxy = await startApi({ databaseUrl, trustProxy: ['loopback'] });
    try {
      // Through a trusted proxy the request comes from elsewhere: refused.
      const forwarded = await fetch(`${behindProxy.base}/metrics`, {
        headers: { 'x-forwarded-for': '203.0.113.1' },
      });
      expect(forwarded.status).toBe(403);
      expect(await forwarded.text()).toMatch(/METRICS_TOKEN/);
      expect((await fetch(`${behindProxy.base}/metrics`)).status).toBe(200);
    } finally {
      await behindProxy.stop();
    }
  });

  it('with METRICS_TOKEN, answers /metrics only to that bearer token, from anywhere', async () => {
    const token = 'metrics-token-for-the-test-0123';
    const guarded = await startApi({ databaseUrl, metricsToken: token, trustProxy: ['loopback'] });
    try {
      const scrape = (headers: Record<string, string>) =>
        fetch(`${guarded.base}/metrics`, { headers });
      const none = await scrape({});
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect((await scrape({ authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await scrape({ authorization: `Basic ${token}` })).status).toBe(401);
      const allowed = await scrape({
        authorization: `Bearer ${token}`,
        'x-forwarded-for': '203.0.113.1',
      });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toMatch(/garage_api_requests_total/);
    } finally {
      await guarded.stop();
    }
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
