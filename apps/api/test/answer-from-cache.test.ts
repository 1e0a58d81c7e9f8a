import { demoPassword } from '@garage/db/seed';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';

// Repeat GETs of cached queries are answered with their stored bytes, from L1 or Redis, before
// tRPC's HTTP handling runs (answer-from-cache.ts). These check that such an answer is the one
// tRPC would give, to the same callers only.

async function signIn(api: TestApi, who: string): Promise<string> {
  const response = await fetch(`${api.base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email: `${who}@garage.test`, password: demoPassword } }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** One GET of `paths` (a batch when several), as tRPC's links send it. */
async function get(api: TestApi, cookie: string, paths: string[], inputs: unknown[]) {
  const params = new URLSearchParams();
  if (paths.length > 1) {
    params.set('batch', '1');
    params.set('input', JSON.stringify(Object.fromEntries(inputs.map((json, i) => [i, { json }]))));
  } else {
    params.set('input', JSON.stringify({ json: inputs[0] }));
  }
  const response = await fetch(`${api.base}/trpc/${paths.join(',')}?${params}`, {
    headers: cookie ? { cookie } : {},
  });
  return { status: response.status, body: await response.text() };
}

/** A counter of /metrics with exactly these labels, 0 when absent. */
async function metric(api: TestApi, series: string): Promise<number> {
  const text = await (await fetch(`${api.base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** How many calls of `procedure` were answered before tRPC ran, so far. */
const answeredFromCache = (api: TestApi, procedure: string) =>
  metric(api, `garage_api_answered_from_cache_total{procedure="${procedure}"}`);

describe.each([
  { tier: 'L1 + Redis', redis: () => inject('redisUrl') },
  { tier: 'L1 only', redis: () => undefined },
])('answers from L1 ($tier)', ({ redis }) => {
  let api: TestApi;
  let staff: string;
  let alice: string;
  let bob: string;
  let aliceVehicle: number;
  let bobVehicle: number;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: redis() });
    [staff, alice, bob] = await Promise.all([
      signIn(api, 'staff'),
      signIn(api, 'alice'),
      signIn(api, 'bob'),
    ]);
    const firstOf = async (email: string) =>
      (await api.db.prisma.vehicle.findFirstOrThrow({ where: { owner: { email } } })).id;
    aliceVehicle = await firstOf('alice@garage.test');
    bobVehicle = await firstOf('bob@garage.test');
  });
  afterAll(() => api.stop());

  it('answers a repeat with the bytes tRPC sent, single and batched', async () => {
    const before = await answeredFromCache(api, 'vehicle.list');
    const list = await get(api, staff, ['vehicle.list'], [{ limit: 5 }]);
    expect(list.status).toBe(200);
    expect(await get(api, staff, ['vehicle.list'], [{ limit: 5 }])).toEqual(list);
    expect(await answeredFromCache(api, 'vehicle.list')).toBe(before + 1);

    const paths = ['vehicle.byId', 'customer.byId'];
    const inputs = [{ id: aliceVehicle }, { id: 1 }];
    const batch = await get(api, staff, paths, inputs);
    expect(await get(api, staff, paths, inputs)).toEqual(batch);
    expect(await answeredFromCache(api, 'customer.byId')).toBe(1);
  });

  it('never answers a caller the procedure refuses, whoever warmed the entry', async () => {
    await get(api, staff, ['vehicle.list'], [{ limit: 7 }]);
    await get(api, staff, ['vehicle.byId'], [{ id: bobVehicle }]);
    await get(api, bob, ['vehicle.byId'], [{ id: bobVehicle }]);
    const answered = await answeredFromCache(api, 'vehicle.byId');

    const refused = [
      [alice, 'vehicle.list', { limit: 7 }, 403],
      [alice, 'vehicle.byId', { id: bobVehicle }, 403],
      ['', 'vehicle.byId', { id: bobVehicle }, 401],
      ['', 'vehicle.list', { limit: 7 }, 401],
      ['garage_session=forged', 'vehicle.list', { limit: 7 }, 401],
    ] as const;
    for (const [cookie, path, input, status] of refused) {
      expect((await get(api, cookie, [path], [input])).status).toBe(status);
    }
    // Bob's own entry is his: answered from L1 for him, and only him.
    const bobs = await get(api, bob, ['vehicle.byId'], [{ id: bobVehicle }]);
    expect(bobs.status).toBe(200);
    expect(await answeredFromCache(api, 'vehicle.byId')).toBe(answered + 1);
  });

  it('a batch is answered from L1 only when every call hits', async () => {
    await get(api, staff, ['vehicle.byId'], [{ id: aliceVehicle }]);
    const before = await answeredFromCache(api, 'vehicle.byId');
    const mixed = await get(
      api,
      staff,
      ['vehicle.byId', 'vehicle.byId'],
      [{ id: aliceVehicle }, { id: 999_999 }],
    );
    expect(mixed.status).toBe(207);
    expect(await answeredFromCache(api, 'vehicle.byId')).toBe(before);
  });

  it('after a write or a sign-out the next read is not answered from the old entry', async () => {
    const vehicle = (body: string) =>
      JSON.parse(body).result.data.json as { mileage: number; version: number };
    const mileage = (body: string) => vehicle(body).mileage;
    const read = () => get(api, staff, ['vehicle.byId'], [{ id: aliceVehicle }]);
    const { mileage: was, version } = vehicle((await read()).body);
    await read();
    const update = await fetch(`${api.base}/trpc/vehicle.update`, {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json' },
      body: JSON.stringify({ json: { id: aliceVehicle, version, mileage: was + 10 } }),
    });
    expect(update.status).toBe(200);
    expect(mileage((await read()).body)).toBe(was + 10);

    const leaving = await signIn(api, 'staff');
    await get(api, leaving, ['vehicle.byId'], [{ id: aliceVehicle }]);
    await fetch(`${api.base}/trpc/auth.logout`, {
      method: 'POST',
      headers: { cookie: leaving, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await get(api, leaving, ['vehicle.byId'], [{ id: aliceVehicle }])).status).toBe(401);
  });
});

describe('answers from Redis when L1 is off (CACHE_L1_MAX_BYTES=0)', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
  });

  it('answers an L2 hit with the bytes tRPC sent, and a fresh instance from the first instance’s entry', async () => {
    const namespace = `l2-answers-${process.pid}`;
    const redisUrl = inject('redisUrl');
    const first = await startApi({ databaseUrl, redisUrl, namespace, l1MaxBytes: 0 });
    const second = await startApi({ databaseUrl, redisUrl, namespace, l1MaxBytes: 0 });
    try {
      const [onFirst, onSecond] = await Promise.all([
        signIn(first, 'staff'),
        signIn(second, 'staff'),
      ]);
      const list = await get(first, onFirst, ['vehicle.list'], [{ limit: 5 }]);
      expect(list.status).toBe(200);
      expect(await get(first, onFirst, ['vehicle.list'], [{ limit: 5 }])).toEqual(list);
      expect(await answeredFromCache(first, 'vehicle.list')).toBe(1);
      // The other instance never loaded it: its first read is an L2 hit, answered before tRPC.
      expect(await get(second, onSecond, ['vehicle.list'], [{ limit: 5 }])).toEqual(list);
      expect(await answeredFromCache(second, 'vehicle.list')).toBe(1);
      expect(await metric(second, 'cache_l2_hits_total{route="vehicle.list"}')).toBe(1);
      expect(await metric(second, 'cache_misses_total{route="vehicle.list"}')).toBe(0);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('keys by the parsed input: {} and the default limit are one entry', async () => {
    const api = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), l1MaxBytes: 0 });
    try {
      const staff = await signIn(api, 'staff');
      const defaulted = await get(api, staff, ['vehicle.list'], [{}]);
      expect(await get(api, staff, ['vehicle.list'], [{ limit: 25 }])).toEqual(defaulted);
      expect(await get(api, staff, ['vehicle.list'], [{ search: '  ', limit: 25 }])).toEqual(
        defaulted,
      );
      // What a browser's infinite query sends for its first page: the same entry again.
      expect(
        await get(api, staff, ['vehicle.list'], [{ cursor: null, direction: 'forward' }]),
      ).toEqual(defaulted);
      expect(await metric(api, 'cache_misses_total{route="vehicle.list"}')).toBe(1);
      expect(await answeredFromCache(api, 'vehicle.list')).toBe(3);
    } finally {
      await api.stop();
    }
  });
});

describe('answers from the cache with CACHE_TIERS=off', () => {
  it('never happen: every read runs the procedure', async () => {
    const api = await startApi({
      databaseUrl: await seededDatabaseUrl(),
      redisUrl: inject('redisUrl'),
      cacheTiers: 'off',
    });
    try {
      const staff = await signIn(api, 'staff');
      for (let i = 0; i < 3; i++) await get(api, staff, ['vehicle.list'], [{ limit: 5 }]);
      expect(await answeredFromCache(api, 'vehicle.list')).toBe(0);
    } finally {
      await api.stop();
    }
  });
});
