import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

// Every procedure × {anonymous, customer, staff, admin} → allowed (OK, or a domain answer such
// as NOT_FOUND that proves the caller got past the role check) or the refusal the caller gets.
type Who = 'anonymous' | 'customer' | 'staff' | 'admin';
type Expected = Record<Who, string>;

const staffOnly: Expected = {
  anonymous: 'UNAUTHORIZED',
  customer: 'FORBIDDEN',
  staff: 'OK',
  admin: 'OK',
};
const adminOnly: Expected = {
  anonymous: 'UNAUTHORIZED',
  customer: 'FORBIDDEN',
  staff: 'FORBIDDEN',
  admin: 'OK',
};

describe('role matrix', () => {
  let api: TestApi;
  const clients = {} as Record<Who, Client>;
  let aliceVehicleId = 0;
  let bobVehicleId = 0;
  let sequence = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    clients.anonymous = api.anonymous();
    clients.customer = await api.as('alice');
    clients.staff = await api.as('staff');
    clients.admin = await api.as('admin');
    const vehicles = await api.db.prisma.vehicle.findMany({
      include: { owner: { select: { email: true } } },
    });
    aliceVehicleId = vehicles.find((v) => v.owner.email === 'alice@garage.test')?.id ?? 0;
    bobVehicleId = vehicles.find((v) => v.owner.email === 'bob@garage.test')?.id ?? 0;
  });
  afterAll(() => api.stop());

  /** A customer with no vehicles, made fresh for each delete. */
  async function spareCustomer() {
    return api.db.prisma.customer.create({ data: { name: `Spare ${++sequence}` } });
  }
  async function spareVehicle() {
    const owner = await spareCustomer();
    const serial = String(700_000 + ++sequence).padStart(6, '0');
    const draft = `1HGCM8263XA${serial}`;
    const { vinCheckDigit } = await import('@garage/db');
    const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
    return api.db.prisma.vehicle.create({
      data: {
        ownerId: owner.id,
        vin,
        plate: 'SP4 RE',
        make: 'Honda',
        model: 'Civic',
        year: 2010,
        mileage: 1,
      },
    });
  }

  const cases: [string, Expected, (c: Client) => Promise<unknown>][] = [
    [
      'auth.me',
      { anonymous: 'OK', customer: 'OK', staff: 'OK', admin: 'OK' },
      (c) => c.auth.me.query(),
    ],
    ['customer.list', staffOnly, (c) => c.customer.list.query({})],
    ['customer.byId', staffOnly, (c) => c.customer.byId.query({ id: 1 })],
    ['customer.create', staffOnly, (c) => c.customer.create.mutate({ name: `New ${++sequence}` })],
    ['customer.update', staffOnly, (c) => c.customer.update.mutate({ id: 1, notes: 'called' })],
    [
      'customer.delete',
      staffOnly,
      async (c) => c.customer.delete.mutate({ id: (await spareCustomer()).id }),
    ],
    ['vehicle.list', staffOnly, (c) => c.vehicle.list.query({})],
    [
      'vehicle.byId (own vehicle for the customer)',
      { anonymous: 'UNAUTHORIZED', customer: 'OK', staff: 'OK', admin: 'OK' },
      (c) => c.vehicle.byId.query({ id: aliceVehicleId }),
    ],
    [
      "vehicle.byId (another customer's vehicle)",
      { anonymous: 'UNAUTHORIZED', customer: 'FORBIDDEN', staff: 'OK', admin: 'OK' },
      (c) => c.vehicle.byId.query({ id: bobVehicleId }),
    ],
    [
      'vehicle.create',
      staffOnly,
      async (c) => {
        const owner = await spareCustomer();
        const serial = String(800_000 + ++sequence).padStart(6, '0');
        const { vinCheckDigit } = await import('@garage/db');
        const draft = `JTDKB20U0X7${serial}`;
        const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
        return c.vehicle.create.mutate({
          ownerId: owner.id,
          vin,
          plate: 'AB12 CDE',
          make: 'Toyota',
          model: 'Prius',
          year: 2015,
          mileage: 1000,
        });
      },
    ],
    [
      'vehicle.update',
      staffOnly,
      async (c) => c.vehicle.update.mutate({ id: (await spareVehicle()).id, mileage: 10 }),
    ],
    [
      'vehicle.delete',
      staffOnly,
      async (c) => c.vehicle.delete.mutate({ id: (await spareVehicle()).id }),
    ],
    [
      'portal.myVehicles',
      { anonymous: 'UNAUTHORIZED', customer: 'OK', staff: 'FORBIDDEN', admin: 'FORBIDDEN' },
      (c) => c.portal.myVehicles.query(),
    ],
    ['cache.stats', adminOnly, (c) => c.cache.stats.query()],
    ['cache.entries', adminOnly, (c) => c.cache.entries.query({})],
    ['cache.count', adminOnly, (c) => c.cache.count.query({ route: 'vehicle.list' })],
    ['cache.invalidate', adminOnly, (c) => c.cache.invalidate.mutate({ tag: 'owner:999999' })],
    ['cache.audit', adminOnly, (c) => c.cache.audit.query({})],
  ];

  it.each(cases)('%s', async (_name, expected, call) => {
    const actual: Record<string, string> = {};
    for (const who of Object.keys(expected) as Who[])
      actual[who] = await outcome(call(clients[who]));
    expect(actual).toEqual(expected);
  });

  it('covers every procedure of the router', async () => {
    const { appRouter } = await import('../src/root');
    const covered = new Set(cases.map(([name]) => name.split(' ')[0]));
    const all = Object.keys(appRouter._def.procedures).filter(
      (path) => !path.startsWith('system.') && path !== 'auth.login' && path !== 'auth.logout',
    );
    expect(all.filter((path) => !covered.has(path))).toEqual([]);
  });

  it('auth.login refuses a wrong password with UNAUTHORIZED and signs in with the right one', async () => {
    const client = api.anonymous();
    expect(
      await outcome(client.auth.login.mutate({ email: 'bob@garage.test', password: 'nope' })),
    ).toBe('UNAUTHORIZED');
    expect(
      await outcome(
        client.auth.login.mutate({ email: 'bob@garage.test', password: 'garage-demo' }),
      ),
    ).toBe('OK');
    expect(await client.auth.me.query()).toMatchObject({
      email: 'bob@garage.test',
      role: 'customer',
    });
  });

  it('auth.logout ends the session on the server: the old cookie is anonymous afterwards', async () => {
    const call = (path: string, cookie: string, body?: unknown) =>
      fetch(`${api.base}/trpc/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify({ json: body }) }),
      });
    const login = await call('auth.login', '', {
      email: 'staff@garage.test',
      password: 'garage-demo',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^garage_session=.{20,}/);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect((await call('customer.list', cookie)).status).toBe(200);

    expect((await call('auth.logout', cookie, null)).status).toBe(200);
    expect((await call('customer.list', cookie)).status).toBe(401);
    expect(await outcome(api.anonymous().auth.logout.mutate())).toBe('UNAUTHORIZED');
  });
});
