import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw } from './support/raw';

// No shared cache (a CDN, a corporate proxy) may keep what the API answers: a signed-in
// caller's reads are `private`; sign-in, mutations and errors are not stored at all.

describe('Cache-Control', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    const login = await callRaw(api.base, ['auth.login'], {
      method: 'POST',
      inputs: [{ email: 'staff@garage.test', password: 'garage-demo' }],
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(() => api.stop());

  it('marks a signed-in read private, whether tRPC or L1 answers it', async () => {
    for (let round = 0; round < 2; round++) {
      const read = await callRaw(api.base, ['vehicle.byId'], {
        inputs: [{ id: 1 }],
        headers: { cookie },
      });
      expect(read.codes).toEqual(['OK']);
      expect(read.headers.get('cache-control')).toMatch(/^private\b/);
      expect(read.headers.get('cache-control')).not.toMatch(/no-store/);
    }
    const batch = await callRaw(api.base, ['vehicle.byId', 'customer.list'], {
      inputs: [{ id: 1 }, {}],
      headers: { cookie },
    });
    expect(batch.headers.get('cache-control')).toMatch(/^private\b/);
  });

  it('never stores a mutation or an auth answer', async () => {
    const login = await callRaw(api.base, ['auth.login'], {
      method: 'POST',
      inputs: [{ email: 'staff@garage.test', password: 'garage-demo' }],
    });
    expect(login.headers.get('cache-control')).toBe('private, no-store');
    const update = await callRaw(api.base, ['customer.update'], {
      method: 'POST',
      inputs: [{ id: 1, version: 1, notes: 'called back' }],
      headers: { cookie },
    });
    expect(update.codes).toEqual(['OK']);
    expect(update.headers.get('cache-control')).toBe('private, no-store');
    const me = await callRaw(api.base, ['auth.me'], { headers: { cookie } });
    expect(me.headers.get('cache-control')).toBe('private, no-store');
  });

  it('never stores an anonymous answer, errors included', async () => {
    for (const paths of [['customer.list'], ['auth.me'], ['nope.nothing']]) {
      const answer = await callRaw(api.base, paths);
      expect(answer.headers.get('cache-control'), paths.join()).toBe('private, no-store');
    }
    const tooMany = await callRaw(api.base, Array(21).fill('system.ping'));
    expect(tooMany.headers.get('cache-control')).toBe('private, no-store');
  });
});
