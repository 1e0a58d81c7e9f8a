import { randomBytes } from 'node:crypto';
import { freePort } from '@garage/test-services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw } from './support/raw';

// A session cookie is only worth a lookup when we issued it: the token carries a MAC of its
// random part, checked before the cache or the database is asked. Anything else, including
// cookies that do not even decode, is no session.

const malformed = ['%', '%E0%A4%A', 'abc%zz'];

const randomTokens = () => [
  randomBytes(32).toString('base64url'),
  `${randomBytes(32).toString('base64url')}.${randomBytes(32).toString('base64url')}`,
  randomBytes(8).toString('hex'),
  'x'.repeat(43),
  `${randomBytes(32).toString('base64url')}.`,
  '.',
];

describe('session cookies', () => {
  let databaseUrl: string;
  let api: TestApi;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
    api = await startApi({ databaseUrl, redisUrl: inject('redisUrl') });
  });
  afterAll(() => api.stop());

  const asCookie = (value: string) => ({ cookie: `garage_session=${value}` });

  it.each(malformed)('a malformed cookie (%s) is no session, never a 500', async (value) => {
    const me = await callRaw(api.base, ['auth.me'], { headers: asCookie(value) });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ result: { data: { json: null } } });
    const list = await callRaw(api.base, ['customer.list'], { headers: asCookie(value) });
    expect(list.codes).toEqual(['UNAUTHORIZED']);
  });

  it('a malformed or foreign cookie of the same name does not hide the real one', async () => {
    const login = await callRaw(api.base, ['auth.login'], {
      method: 'POST',
      inputs: [{ email: 'staff@garage.test', password: 'garage-demo' }],
    });
    const session = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (const planted of ['%', randomBytes(32).toString('base64url')]) {
      const list = await callRaw(api.base, ['customer.list'], {
        headers: { cookie: `garage_session=${planted}; ${session}` },
      });
      expect(list.codes).toEqual(['OK']);
    }
  });

  it('random cookies create no cache entry and no session lookup', async () => {
    const cache = api.app.cache;
    const before = await cache.stats();
    const entriesBefore = await cache.countEntries({ route: 'auth.session' });
    for (const token of randomTokens()) {
      const me = await callRaw(api.base, ['auth.me'], { headers: asCookie(token) });
      expect(me.body).toEqual({ result: { data: { json: null } } });
    }
    const after = await cache.stats();
    expect(await cache.countEntries({ route: 'auth.session' })).toBe(entriesBefore);
    expect(after.l1.entries).toBe(before.l1.entries);
    expect(after.redis?.namespaceKeys).toBe(before.redis?.namespaceKeys);
    // The session lookup is the loader of this route: it never ran.
    expect(after.routes['auth.session']?.loaderCalls ?? 0).toBe(
      before.routes['auth.session']?.loaderCalls ?? 0,
    );
    expect(after.routes['auth.session']?.misses ?? 0).toBe(
      before.routes['auth.session']?.misses ?? 0,
    );
  });

  it('random cookies are answered without the database: it can be down', async () => {
    const noDatabase = await startApi({
      databaseUrl: `postgresql://nobody@127.0.0.1:${await freePort()}/none`,
      redisUrl: inject('redisUrl'),
    });
    try {
      for (const token of randomTokens()) {
        const me = await callRaw(noDatabase.base, ['auth.me'], { headers: asCookie(token) });
        expect(me.status).toBe(200);
        expect(me.body).toEqual({ result: { data: { json: null } } });
      }
    } finally {
      await noDatabase.stop();
    }
  });
});
