import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw } from './support/raw';

/** The message of a refused request (tRPC's error shape, one error for the whole batch). */
function messageOf(body: unknown): string {
  return String((body as { error?: { json?: { message?: string } } }).error?.json?.message);
}

/** Sends `headers` and the first bytes of a body, and resolves with the status line. */
function statusLineBeforeBodyEnds(base: string, headers: string[]): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${['POST /trpc/customer.create HTTP/1.1', ...headers].join('\r\n')}\r\n\r\n`);
      socket.write('{"json":{"name":"');
    });
    socket.once('data', (chunk) => {
      resolve(chunk.toString('latin1').split('\r\n')[0] ?? '');
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('request limits', () => {
  let databaseUrl: string;
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
    api = await startApi({ databaseUrl, redisUrl: inject('redisUrl') });
    const login = await callRaw(api.base, ['auth.login'], {
      method: 'POST',
      inputs: [{ email: 'staff@garage.test', password: 'garage-demo' }],
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(() => api.stop());

  // The defaults the README names.
  const maxBatchSize = 20;
  const maxBodyBytes = 1024 * 1024;

  it(`runs a batch of ${maxBatchSize} calls and refuses one of ${maxBatchSize + 1} as a whole, with a 413 naming the limit`, async () => {
    const full = await callRaw(api.base, Array(maxBatchSize).fill('system.ping'));
    expect(full.status).toBe(200);
    expect(full.codes).toEqual(Array(maxBatchSize).fill('OK'));

    const over = await callRaw(api.base, Array(maxBatchSize + 1).fill('system.ping'));
    expect(over.status).toBe(413);
    expect(over.codes).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(messageOf(over.body)).toBe(
      `a batch may hold at most ${maxBatchSize} calls; this one has ${maxBatchSize + 1}`,
    );
  });

  it('refuses an oversized batch of cached reads that L1 could answer before tRPC runs', async () => {
    const calls = Array(maxBatchSize + 1).fill('vehicle.byId');
    const inputs = Array(maxBatchSize + 1).fill({ id: 1 });
    const warm = await callRaw(api.base, calls.slice(0, 2), { inputs, headers: { cookie } });
    expect(warm.codes).toEqual(['OK', 'OK']);
    const over = await callRaw(api.base, calls, { inputs, headers: { cookie } });
    expect(over.status).toBe(413);
    expect(messageOf(over.body)).toMatch(`at most ${maxBatchSize} calls`);
  });

  it('refuses a body over the limit with a 413 before it has all arrived', async () => {
    const big = JSON.stringify({ json: { name: 'x'.repeat(maxBodyBytes) } });
    const response = await fetch(`${api.base}/trpc/customer.create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(messageOf(await response.json())).toBe('request body exceeds 1 MiB');

    // 16 MiB announced, a few bytes sent: the answer comes without waiting for the rest.
    const statusLine = await statusLineBeforeBodyEnds(api.base, [
      `Host: ${new URL(api.base).host}`,
      'Content-Type: application/json',
      `Content-Length: ${16 * 1024 * 1024}`,
      `Cookie: ${cookie}`,
    ]);
    expect(statusLine).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"json":{"name":"'));
      },
      pull(controller) {
        if (sent > 2 * maxBodyBytes) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${api.base}/trpc/customer.create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('takes its limits from the settings', async () => {
    const small = await startApi({
      databaseUrl,
      redisUrl: inject('redisUrl'),
      limits: { maxBatchSize: 3, maxBodyBytes: 2048 },
    });
    try {
      expect((await callRaw(small.base, Array(3).fill('system.ping'))).status).toBe(200);
      const over = await callRaw(small.base, Array(4).fill('system.ping'));
      expect(messageOf(over.body)).toMatch('at most 3 calls');
      const response = await fetch(`${small.base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email: 'a@b.c', password: 'p'.repeat(4096) } }),
      });
      expect(response.status).toBe(413);
      expect(messageOf(await response.json())).toBe('request body exceeds 2 KiB');
    } finally {
      await small.stop();
    }
  });
});
