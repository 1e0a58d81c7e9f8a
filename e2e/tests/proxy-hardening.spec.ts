import { type APIRequestContext, type APIResponse, request } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import {
  type ProxyUnderTest,
  postEndlessBody,
  startProxyUnderTest,
} from '../support/proxy-under-test';

// The web app's defaults, the same as the API's (apps/web/src/env.ts).
const maxBodyBytes = 1024 * 1024;
const maxBatch = 20;

let proxy: ProxyUnderTest;
let client: APIRequestContext;
let sameOrigin: Record<string, string>;

test.beforeAll(async () => {
  proxy = await startProxyUnderTest();
  client = await request.newContext({ baseURL: proxy.webUrl });
  // What Chromium sends with the app's own fetch of a mutation.
  sameOrigin = {
    origin: proxy.webUrl,
    'sec-fetch-site': 'same-origin',
    'content-type': 'application/json',
  };
});

test.afterAll(async () => {
  await client?.dispose();
  await proxy?.stop();
});

test.beforeEach(() => {
  proxy.takeReceived();
});

/** The tRPC error a refused call answers with (superjson's envelope, as the client reads it). */
async function trpcError(response: APIResponse) {
  const body: { error: { json: { message: string; data: { code: string; httpStatus: number } } } } =
    await response.json();
  return body.error.json;
}

const batchPath = (size: number) =>
  `/api/trpc/${Array.from({ length: size }, () => 'auth.me').join(',')}?batch=1`;

test.describe('[PROXY][ADDRESS] X-Forwarded-For', () => {
  test('appends the address it saw after the client’s own claim', async () => {
    await client.get('/api/trpc/auth.me', { headers: { 'x-forwarded-for': '203.0.113.7' } });
    const [forwarded] = proxy.takeReceived();
    // The API trusts the right-most entry its trusted proxy (we) added: the real peer.
    expect(forwarded?.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
  });

  test('sends only the peer when the client sent none', async () => {
    await client.get('/api/trpc/auth.me');
    const [forwarded] = proxy.takeReceived();
    expect(forwarded?.headers['x-forwarded-for']).toBe('127.0.0.1');
  });
});

test.describe('[PROXY][LIMITS] body and batch size', () => {
  test('refuses a body one byte over the limit with a 413 that states it, without calling the API', async () => {
    const response = await client.post('/api/trpc/auth.logout', {
      headers: sameOrigin,
      data: Buffer.alloc(maxBodyBytes + 1, ' '),
    });
    expect(response.status()).toBe(413);
    const error = await trpcError(response);
    expect(error.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(error.message).toContain('1048576 bytes');
    expect(proxy.takeReceived()).toEqual([]);
  });

  test('forwards a body of exactly the limit', async () => {
    const response = await client.post('/api/trpc/auth.logout', {
      headers: sameOrigin,
      data: Buffer.alloc(maxBodyBytes, ' '),
    });
    expect(response.status()).toBe(200);
    expect(proxy.takeReceived().map((r) => r.bodyBytes)).toEqual([maxBodyBytes]);
  });

  test('stops reading a body that never ends at the limit instead of buffering it', async () => {
    const cap = 32 * maxBodyBytes;
    const outcome = await postEndlessBody(`${proxy.webUrl}/api/trpc/auth.logout`, sameOrigin, cap);
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain('1048576 bytes');
    expect(outcome.sentBytes).toBeLessThan(cap);
    expect(proxy.takeReceived()).toEqual([]);
  });

  test('refuses a batch over the limit as a whole with a 413 that states it', async () => {
    const response = await client.get(batchPath(maxBatch + 1));
    expect(response.status()).toBe(413);
    const error = await trpcError(response);
    expect(error.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(error.message).toContain(`${maxBatch} procedures`);
    expect(proxy.takeReceived()).toEqual([]);
  });

  test('forwards a batch of exactly the limit', async () => {
    const response = await client.get(batchPath(maxBatch));
    expect(response.status()).toBe(200);
    expect(proxy.takeReceived()).toHaveLength(1);
  });
});

test.describe('[PROXY][CSRF] mutations', () => {
  test('refuses a form-encoded POST from a foreign Origin before it reaches the API', async () => {
    const response = await client.post('/api/trpc/auth.logout', {
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      multipart: { anything: '1' },
    });
    expect(response.status()).toBe(403);
    expect((await trpcError(response)).message).toContain('http://evil.example');
    expect(proxy.takeReceived()).toEqual([]);
  });

  for (const [what, headers] of [
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['the same host on another port', { origin: 'http://127.0.0.1:1' }],
    ['Origin: null', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ] as const) {
    test(`refuses a JSON POST with ${what} (403)`, async () => {
      const response = await client.post('/api/trpc/auth.logout', {
        headers: { 'content-type': 'application/json', ...headers },
        data: '{}',
      });
      expect(response.status()).toBe(403);
      expect((await trpcError(response)).data.code).toBe('FORBIDDEN');
      expect(proxy.takeReceived()).toEqual([]);
    });
  }

  for (const contentType of [
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
  ]) {
    test(`refuses a same-origin POST of ${contentType.split(';')[0]} (415)`, async () => {
      const response = await client.post('/api/trpc/auth.logout', {
        headers: { ...sameOrigin, 'content-type': contentType },
        data: '{}',
      });
      expect(response.status()).toBe(415);
      const error = await trpcError(response);
      expect(error.data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.message).toContain('application/json');
      expect(proxy.takeReceived()).toEqual([]);
    });
  }

  test('forwards a same-origin JSON POST, and one from a client that is not a browser', async () => {
    const fromPage = await client.post('/api/trpc/auth.logout', {
      headers: { ...sameOrigin, 'content-type': 'application/json; charset=utf-8' },
      data: '{}',
    });
    expect(fromPage.status()).toBe(200);
    const fromScript = await client.post('/api/trpc/auth.logout', {
      headers: { 'content-type': 'application/json' },
      data: '{}',
    });
    expect(fromScript.status()).toBe(200);
    expect(proxy.takeReceived()).toHaveLength(2);
  });
});
