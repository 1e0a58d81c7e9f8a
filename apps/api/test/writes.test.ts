import { vinCheckDigit } from '@garage/validators';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { versionOf } from './support/versions';

let serial = 100;
/** A VIN with a valid check digit, different each call. */
function freshVin(): string {
  const draft = `1FAFP404X1F${String(++serial).padStart(6, '0')}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

describe('read-after-write over HTTP, on a warm cache', () => {
  let api: TestApi;
  let staff: Client;
  let alice: Client;
  let bob: Client;
  let aliceCustomerId: number;
  let bobCustomerId: number;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, alice, bob] = await Promise.all([api.as('staff'), api.as('alice'), api.as('bob')]);
    const customerIdOf = async (email: string) =>
      (await api.db.prisma.user.findUniqueOrThrow({ where: { email } })).customerId ?? 0;
    aliceCustomerId = await customerIdOf('alice@garage.test');
    bobCustomerId = await customerIdOf('bob@garage.test');
  });
  afterAll(() => api.stop());

  it('customer.create appears in the list at once', async () => {
    await staff.customer.list.query({ search: 'Quentin' });
    const created = await staff.customer.create.mutate({
      name: 'Quentin Blake',
      phone: '+44 20 7946 0000',
    });
    const list = await staff.customer.list.query({ search: 'Quentin' });
    expect(list.items.map((c) => c.id)).toContain(created.id);
  });

  it('customer.update is seen by byId, the list and the vehicle rows naming the owner', async () => {
    await staff.customer.byId.query({ id: bobCustomerId });
    await staff.customer.list.query({});
    await staff.vehicle.list.query({ ownerId: bobCustomerId });
    const renamed = await staff.customer.update.mutate({
      id: bobCustomerId,
      version: await versionOf(api, 'customer', bobCustomerId),
      name: 'Bob Okafor-Renamed',
    });
    expect((await staff.customer.byId.query({ id: bobCustomerId })).name).toBe(
      'Bob Okafor-Renamed',
    );
    const list = await staff.customer.list.query({});
    expect(list.items.find((c) => c.id === bobCustomerId)?.name).toBe('Bob Okafor-Renamed');
    const vehicles = await staff.vehicle.list.query({ ownerId: bobCustomerId });
    expect(vehicles.items.every((v) => v.owner.name === 'Bob Okafor-Renamed')).toBe(true);
    await staff.customer.update.mutate({
      id: bobCustomerId,
      version: renamed.version,
      name: 'Bob Okafor',
    });
  });

  it('vehicle.create shows in the owner’s filtered list (even an empty one), byId and portal', async () => {
    const owner = await staff.customer.create.mutate({ name: 'First Car Owner' });
    expect((await staff.vehicle.list.query({ ownerId: owner.id })).items).toEqual([]);
    expect((await staff.customer.byId.query({ id: owner.id })).vehicles).toEqual([]);
    const vehicle = await staff.vehicle.create.mutate({
      ownerId: owner.id,
      vin: freshVin(),
      plate: 'fc01 abc',
      make: 'Ford',
      model: 'Focus',
      year: 2019,
      mileage: 42_000,
    });
    expect(vehicle.plate).toBe('FC01 ABC');
    expect((await staff.vehicle.list.query({ ownerId: owner.id })).items.map((v) => v.id)).toEqual([
      vehicle.id,
    ]);
    expect((await staff.customer.byId.query({ id: owner.id })).vehicles.map((v) => v.id)).toEqual([
      vehicle.id,
    ]);
    expect((await staff.vehicle.list.query({})).items[0]?.id).toBe(vehicle.id);
  });

  it('vehicle.update of the mileage is seen at once by the list, byId and the owner’s portal', async () => {
    const [mine] = await alice.portal.myVehicles.query();
    if (!mine) throw new Error('alice has no vehicle');
    await staff.vehicle.byId.query({ id: mine.id });
    await staff.vehicle.list.query({});
    const updated = await staff.vehicle.update.mutate({
      id: mine.id,
      version: mine.version,
      mileage: mine.mileage + 1234,
    });
    expect(updated.mileage).toBe(mine.mileage + 1234);
    expect((await staff.vehicle.byId.query({ id: mine.id })).mileage).toBe(mine.mileage + 1234);
    expect((await alice.vehicle.byId.query({ id: mine.id })).mileage).toBe(mine.mileage + 1234);
    expect((await alice.portal.myVehicles.query()).find((v) => v.id === mine.id)?.mileage).toBe(
      mine.mileage + 1234,
    );
    const listed = (await staff.vehicle.list.query({ limit: 100 })).items.find(
      (v) => v.id === mine.id,
    );
    expect(listed?.mileage).toBe(mine.mileage + 1234);
  });

  it('moving a vehicle from alice to bob is seen by both owners at once', async () => {
    const before = await alice.portal.myVehicles.query();
    await bob.portal.myVehicles.query();
    const moving = before[0];
    if (!moving) throw new Error('alice has no vehicle');
    await alice.vehicle.byId.query({ id: moving.id });

    const moved = await staff.vehicle.update.mutate({
      id: moving.id,
      version: moving.version,
      ownerId: bobCustomerId,
    });
    expect(moved.previousOwnerId).toBe(aliceCustomerId);

    expect((await alice.portal.myVehicles.query()).map((v) => v.id)).not.toContain(moving.id);
    expect((await bob.portal.myVehicles.query()).map((v) => v.id)).toContain(moving.id);
    expect(await outcome(alice.vehicle.byId.query({ id: moving.id }))).toBe('FORBIDDEN');
    expect((await bob.vehicle.byId.query({ id: moving.id })).ownerId).toBe(bobCustomerId);
    expect(
      (await staff.customer.byId.query({ id: aliceCustomerId })).vehicles.map((v) => v.id),
    ).not.toContain(moving.id);

    await staff.vehicle.update.mutate({
      id: moving.id,
      version: moved.version,
      ownerId: aliceCustomerId,
    });
    expect((await alice.portal.myVehicles.query()).map((v) => v.id)).toContain(moving.id);
  });

  it('vehicle.delete and customer.delete disappear at once; a customer with vehicles is refused', async () => {
    const owner = await staff.customer.create.mutate({ name: 'Short Lived' });
    const vehicle = await staff.vehicle.create.mutate({
      ownerId: owner.id,
      vin: freshVin(),
      plate: 'SL01',
      make: 'Kia',
      model: 'Ceed',
      year: 2020,
      mileage: 5,
    });
    await staff.customer.byId.query({ id: owner.id });
    await staff.vehicle.byId.query({ id: vehicle.id });

    expect(
      await outcome(staff.customer.delete.mutate({ id: owner.id, version: owner.version })),
    ).toBe('CONFLICT');
    expect((await staff.customer.byId.query({ id: owner.id })).vehicles).toHaveLength(1);

    await staff.vehicle.delete.mutate({ id: vehicle.id, version: vehicle.version });
    expect(await outcome(staff.vehicle.byId.query({ id: vehicle.id }))).toBe('NOT_FOUND');
    expect((await staff.customer.byId.query({ id: owner.id })).vehicles).toEqual([]);

    await staff.customer.delete.mutate({ id: owner.id, version: owner.version });
    expect(await outcome(staff.customer.byId.query({ id: owner.id }))).toBe('NOT_FOUND');
  });
});

describe('two API instances on one PostgreSQL and one Redis', () => {
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    const databaseUrl = await seededDatabaseUrl();
    const namespace = `two-instances-${process.pid}`;
    first = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), namespace });
    second = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), namespace });
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
  });

  it('a write on one is served by the other (its L1 dropped through the bus)', async () => {
    const [onFirst, onSecond] = await Promise.all([first.as('staff'), second.as('staff')]);
    const id = (await onFirst.vehicle.list.query({})).items[0]?.id ?? 0;
    const original = await onSecond.vehicle.byId.query({ id });
    await onSecond.vehicle.byId.query({ id }); // now in the second instance's L1

    await onFirst.vehicle.update.mutate({
      id,
      version: original.version,
      mileage: original.mileage + 10,
    });

    // Bounded by the bus: poll for at most two seconds.
    let seen = original.mileage;
    for (let attempt = 0; attempt < 200 && seen !== original.mileage + 10; attempt++) {
      seen = (await onSecond.vehicle.byId.query({ id })).mileage;
      if (seen !== original.mileage + 10) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen).toBe(original.mileage + 10);
  });

  it('a session started on one instance works on the other, and logout on one ends it on both', async () => {
    const login = await fetch(`${first.base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'admin@garage.test', password: 'garage-demo' } }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const statsOn = (api: TestApi) =>
      fetch(`${api.base}/trpc/cache.stats`, { headers: { cookie } });
    expect((await statsOn(second)).status).toBe(200);
    await fetch(`${first.base}/trpc/auth.logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ json: null }),
    });
    let status = 200;
    for (let attempt = 0; attempt < 200 && status === 200; attempt++) {
      status = (await statsOn(second)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(status).toBe(401);
  });
});
