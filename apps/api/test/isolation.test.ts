import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

describe.each([
  { tier: 'L1 + Redis', redis: () => inject('redisUrl') },
  { tier: 'L1 only', redis: () => undefined },
])('customer isolation ($tier)', ({ redis }) => {
  let api: TestApi;
  let alice: Client;
  let bob: Client;
  let staff: Client;
  let aliceIds: number[];
  let bobIds: number[];

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: redis() });
    [alice, bob, staff] = await Promise.all([api.as('alice'), api.as('bob'), api.as('staff')]);
    const owned = async (email: string) =>
      (
        await api.db.prisma.vehicle.findMany({
          where: { owner: { email } },
          orderBy: { id: 'asc' },
        })
      ).map((v) => v.id);
    aliceIds = await owned('alice@garage.test');
    bobIds = await owned('bob@garage.test');
  });
  afterAll(() => api.stop());

  it('portal.myVehicles shows each customer only their own, cold and warm', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await alice.portal.myVehicles.query()).map((v) => v.id)).toEqual(aliceIds);
      expect((await bob.portal.myVehicles.query()).map((v) => v.id)).toEqual(bobIds);
    }
  });

  it('vehicle.byId refuses another customer’s vehicle even after staff and its owner warmed it', async () => {
    for (const id of [...aliceIds, ...bobIds]) await staff.vehicle.byId.query({ id });
    for (const id of bobIds) expect((await bob.vehicle.byId.query({ id })).id).toBe(id);

    for (const id of bobIds)
      expect(await outcome(alice.vehicle.byId.query({ id }))).toBe('FORBIDDEN');
    for (const id of aliceIds)
      expect(await outcome(bob.vehicle.byId.query({ id }))).toBe('FORBIDDEN');
    for (const id of aliceIds)
      expect((await alice.vehicle.byId.query({ id })).ownerId).toBe(
        (await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'alice@garage.test' } }))
          .customerId,
      );
  });

  it('an unknown vehicle id tells a customer no more than a foreign one does', async () => {
    expect(await outcome(alice.vehicle.byId.query({ id: 999_999 }))).toBe('FORBIDDEN');
    expect(await outcome(staff.vehicle.byId.query({ id: 999_999 }))).toBe('NOT_FOUND');
  });
});
