import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';

// Each rejected mutation must answer a 4xx that names the field, and leave the database as it
// was: compared row for row before and after.

describe('bad input to every mutation', () => {
  let api: TestApi;
  let staff: Client;
  let vehicle: { id: number; vin: string; mileage: number; ownerId: number };
  let otherVin: string;

  async function databaseSnapshot() {
    const [customers, vehicles, users] = await Promise.all([
      api.db.prisma.customer.findMany({ orderBy: { id: 'asc' } }),
      api.db.prisma.vehicle.findMany({ orderBy: { id: 'asc' } }),
      api.db.prisma.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, email: true } }),
    ]);
    return { customers, vehicles, users };
  }

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    const [first, second] = await api.db.prisma.vehicle.findMany({
      orderBy: { id: 'asc' },
      take: 2,
    });
    if (!first || !second) throw new Error('seed has too few vehicles');
    vehicle = first;
    otherVin = second.vin;
  });
  afterAll(() => api.stop());

  const good = () => ({
    ownerId: vehicle.ownerId,
    vin: '1HGCM82633A004352',
    plate: 'GO0D 1',
    make: 'Honda',
    model: 'Accord',
    year: 2003,
    mileage: 100,
  });

  // [what, call, expected code, field named]
  const cases: [string, (c: Client) => Promise<unknown>, string, string][] = [
    [
      'customer.create without a name',
      (c) => c.customer.create.mutate({ name: '' }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with a name of spaces',
      (c) => c.customer.create.mutate({ name: '   ' }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with an oversized name',
      (c) => c.customer.create.mutate({ name: 'x'.repeat(121) }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with a bad email',
      (c) => c.customer.create.mutate({ name: 'A', email: 'not-an-email' }),
      'BAD_REQUEST',
      'email',
    ],
    [
      'customer.create with a bad phone',
      (c) => c.customer.create.mutate({ name: 'A', phone: 'call me' }),
      'BAD_REQUEST',
      'phone',
    ],
    [
      'customer.create with a wrong type',
      // What a client that ignores the types might send.
      (c) => c.customer.create.mutate(JSON.parse('{"name":42}')),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with the email of another customer, in capitals',
      (c) => c.customer.create.mutate({ name: 'A', email: 'ALICE@garage.test' }),
      'CONFLICT',
      'email',
    ],
    [
      'customer.update with a version below 1',
      (c) => c.customer.update.mutate({ id: vehicle.ownerId, version: 0, name: 'Zero' }),
      'BAD_REQUEST',
      'version',
    ],
    [
      'customer.update from a version other than the stored one',
      (c) => c.customer.update.mutate({ id: vehicle.ownerId, version: 2, name: 'Other' }),
      'CONFLICT',
      '',
    ],
    [
      'customer.update of an unknown id',
      (c) => c.customer.update.mutate({ id: 999_999, version: 1, name: 'Ghost' }),
      'NOT_FOUND',
      '',
    ],
    [
      'customer.update with a negative id',
      (c) => c.customer.update.mutate({ id: -1, version: 1, name: 'Ghost' }),
      'BAD_REQUEST',
      'id',
    ],
    [
      'customer.update with oversized notes',
      (c) => c.customer.update.mutate({ id: 1, version: 1, notes: 'n'.repeat(2_001) }),
      'BAD_REQUEST',
      'notes',
    ],
    [
      'customer.delete of an unknown id',
      (c) => c.customer.delete.mutate({ id: 999_999, version: 1 }),
      'NOT_FOUND',
      '',
    ],
    [
      'customer.delete of one owning vehicles',
      (c) => c.customer.delete.mutate({ id: vehicle.ownerId, version: 1 }),
      'CONFLICT',
      '',
    ],
    [
      'vehicle.create with a short VIN',
      (c) => c.vehicle.create.mutate({ ...good(), vin: '1HGCM82633A00435' }),
      'BAD_REQUEST',
      'vin',
    ],
    [
      'vehicle.create with I/O/Q in the VIN',
      (c) => c.vehicle.create.mutate({ ...good(), vin: '1HGCM82633A0O4352' }),
      'BAD_REQUEST',
      'vin',
    ],
    [
      'vehicle.create with a wrong check digit',
      (c) => c.vehicle.create.mutate({ ...good(), vin: '1HGCM82643A004352' }),
      'BAD_REQUEST',
      'vin',
    ],
    [
      'vehicle.create with a duplicate VIN',
      (c) => c.vehicle.create.mutate({ ...good(), vin: otherVin }),
      'CONFLICT',
      'vin',
    ],
    [
      'vehicle.create with a future year',
      (c) => c.vehicle.create.mutate({ ...good(), year: new Date().getUTCFullYear() + 2 }),
      'BAD_REQUEST',
      'year',
    ],
    [
      'vehicle.create with a year before cars',
      (c) => c.vehicle.create.mutate({ ...good(), year: 1885 }),
      'BAD_REQUEST',
      'year',
    ],
    [
      'vehicle.create with negative mileage',
      (c) => c.vehicle.create.mutate({ ...good(), mileage: -1 }),
      'BAD_REQUEST',
      'mileage',
    ],
    [
      'vehicle.create with fractional mileage',
      (c) => c.vehicle.create.mutate({ ...good(), mileage: 1.5 }),
      'BAD_REQUEST',
      'mileage',
    ],
    [
      'vehicle.create with an empty plate',
      (c) => c.vehicle.create.mutate({ ...good(), plate: '' }),
      'BAD_REQUEST',
      'plate',
    ],
    [
      'vehicle.create with an oversized make',
      (c) => c.vehicle.create.mutate({ ...good(), make: 'm'.repeat(61) }),
      'BAD_REQUEST',
      'make',
    ],
    [
      'vehicle.create for an unknown owner',
      (c) => c.vehicle.create.mutate({ ...good(), ownerId: 999_999 }),
      'BAD_REQUEST',
      'ownerId',
    ],
    [
      'vehicle.create with a wrong type',
      (c) => c.vehicle.create.mutate({ ...good(), ...JSON.parse('{"year":"2003"}') }),
      'BAD_REQUEST',
      'year',
    ],
    [
      'vehicle.update lowering the mileage without saying so',
      (c) => c.vehicle.update.mutate({ id: vehicle.id, version: 1, mileage: vehicle.mileage - 1 }),
      'BAD_REQUEST',
      'mileage',
    ],
    [
      'vehicle.update to a VIN already registered',
      (c) => c.vehicle.update.mutate({ id: vehicle.id, version: 1, vin: otherVin }),
      'CONFLICT',
      'vin',
    ],
    [
      'vehicle.update moving to an unknown owner',
      (c) => c.vehicle.update.mutate({ id: vehicle.id, version: 1, ownerId: 999_999 }),
      'BAD_REQUEST',
      'ownerId',
    ],
    [
      'vehicle.update of an unknown id',
      (c) => c.vehicle.update.mutate({ id: 999_999, version: 1, mileage: 5 }),
      'NOT_FOUND',
      '',
    ],
    [
      'vehicle.delete of an unknown id',
      (c) => c.vehicle.delete.mutate({ id: 999_999, version: 1 }),
      'NOT_FOUND',
      '',
    ],
    [
      'cache.invalidate with no target',
      (c) => c.cache.invalidate.mutate({} as { all: true }),
      'BAD_REQUEST',
      '',
    ],
    [
      'auth.login with an empty email',
      (c) => c.auth.login.mutate({ email: '', password: 'x' }),
      'BAD_REQUEST',
      'email',
    ],
  ];

  it.each(cases)('%s', async (_what, call, code, field) => {
    const client = _what.startsWith('cache.') ? await api.as('admin') : staff;
    const before = await databaseSnapshot();
    expect(await outcome(call(client))).toBe(code);
    if (field) expect(Object.keys(await fieldErrors(call(client)))).toContain(field);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it('lowering the mileage is allowed when asked for explicitly', async () => {
    const lowered = await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: 1,
      mileage: vehicle.mileage - 1,
      allowMileageDecrease: true,
    });
    expect(lowered.mileage).toBe(vehicle.mileage - 1);
  });

  it('a non-North-American VIN is accepted with the documented opt-out', async () => {
    const created = await staff.vehicle.create.mutate({
      ...good(),
      vin: 'WVWZZZ1JZXW000001',
      vinCheckDigit: false,
    });
    expect(created.vin).toBe('WVWZZZ1JZXW000001');
  });

  it('malformed HTTP bodies get a 400, never a 500', async () => {
    const cookieless = await fetch(`${api.base}/trpc/customer.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(cookieless.status).toBeGreaterThanOrEqual(400);
    expect(cookieless.status).toBeLessThan(500);
  });
});
