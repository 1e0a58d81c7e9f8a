import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw } from './support/raw';

// A cached answer carries an ETag made when it was stored; a caller that sends it back gets a
// 304 without a body, once its gates admitted it. Every cached answer says its tags
// (`x-cache-tags`), so a browser can tell which queries an invalidation reaches.

async function signIn(api: TestApi, email: string): Promise<string> {
  const login = await callRaw(api.base, ['auth.login'], {
    method: 'POST',
    inputs: [{ email, password: 'garage-demo' }],
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('ETag and x-cache-tags', () => {
  let api: TestApi;
  let staff: string;
  let alice: string;
  let bob: string;
  let aliceVehicleId: number;
  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await signIn(api, 'staff@garage.test');
    alice = await signIn(api, 'alice@garage.test');
    bob = await signIn(api, 'bob@garage.test');
    const client = await api.as('alice');
    const [first] = await client.portal.myVehicles.query();
    if (!first) throw new Error('alice has no vehicle in the seed');
    aliceVehicleId = first.id;
  });
  afterAll(() => api.stop());

  const byId = (cookie: string, headers: Record<string, string> = {}) =>
    callRaw(api.base, ['vehicle.byId'], {
      inputs: [{ id: aliceVehicleId }],
      headers: { cookie, ...headers },
    });

  it('says the tags of each answer, on tRPC’s path and on a hit alike', async () => {
    const miss = await byId(staff);
    const hit = await byId(staff);
    for (const answer of [miss, hit]) {
      expect(answer.codes).toEqual(['OK']);
      const tags: unknown = JSON.parse(answer.headers.get('x-cache-tags') ?? 'null');
      expect(tags).toEqual([expect.arrayContaining([`vehicle:${aliceVehicleId}`])]);
    }
    // A batch says them per call, null for a call that is not a cached query.
    const batch = await callRaw(api.base, ['vehicle.byId', 'auth.me'], {
      inputs: [{ id: aliceVehicleId }, undefined],
      headers: { cookie: staff },
    });
    expect(batch.codes).toEqual(['OK', 'OK']);
    expect(JSON.parse(batch.headers.get('x-cache-tags') ?? 'null')).toEqual([
      expect.arrayContaining([`vehicle:${aliceVehicleId}`]),
      null,
    ]);
  });

  it('answers a matching If-None-Match with a 304 and no body, until the answer changes', async () => {
    await byId(staff);
    const full = await byId(staff);
    const etag = full.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const unchanged = await byId(staff, { 'if-none-match': etag ?? '' });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeUndefined();
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(unchanged.headers.get('cache-control')).toBe('private, no-cache');
    // Listed among others, or weak, it still matches; another tag does not.
    expect((await byId(staff, { 'if-none-match': `"x", W/${etag}` })).status).toBe(304);
    expect((await byId(staff, { 'if-none-match': '"something-else"' })).status).toBe(200);

    const client = await api.as('staff');
    const vehicle = await client.vehicle.byId.query({ id: aliceVehicleId });
    await client.vehicle.update.mutate({
      id: aliceVehicleId,
      version: vehicle.version,
      notes: `${vehicle.notes ?? ''} revalidated`,
    });
    const changed = await byId(staff, { 'if-none-match': etag ?? '' });
    expect(changed.status).toBe(200);
    expect(changed.codes).toEqual(['OK']);
    const again = await byId(staff);
    expect(again.headers.get('etag')).not.toBe(etag);
  });

  it('gives a batch its own ETag, revalidated the same way', async () => {
    const calls = ['vehicle.byId', 'vehicle.list'];
    const inputs = [{ id: aliceVehicleId }, {}];
    await callRaw(api.base, calls, { inputs, headers: { cookie: staff } });
    const full = await callRaw(api.base, calls, { inputs, headers: { cookie: staff } });
    const etag = full.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect(etag).not.toBe((await byId(staff)).headers.get('etag'));
    const unchanged = await callRaw(api.base, calls, {
      inputs,
      headers: { cookie: staff, 'if-none-match': etag },
    });
    expect(unchanged.status).toBe(304);
  });

  it('never answers 304 to a caller its gates refuse, whatever ETag it sends', async () => {
    await byId(alice);
    const own = await byId(alice);
    const etag = own.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await byId(alice, { 'if-none-match': etag })).status).toBe(304);
    // Bob may not load alice's vehicle: her ETag (or any) gets him the refusal, not a 304.
    for (const guess of [etag, '*']) {
      const refused = await byId(bob, { 'if-none-match': guess });
      expect(refused.status).not.toBe(304);
      expect(refused.codes).not.toEqual(['OK']);
      expect(refused.headers.get('etag')).toBeNull();
    }
    const anonymous = await callRaw(api.base, ['vehicle.byId'], {
      inputs: [{ id: aliceVehicleId }],
      headers: { 'if-none-match': etag },
    });
    expect(anonymous.codes).toEqual(['UNAUTHORIZED']);
  });
});
