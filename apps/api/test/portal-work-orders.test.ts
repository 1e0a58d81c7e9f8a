import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customerWorkOrdersTag } from '../src/tags/registry';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { versionOf } from './support/versions';
import { customerIdOf, freshVehicle } from './support/work-orders';

// portal.myWorkOrders: a customer's own work orders, where they were the customer, through the
// cache: a sale of the car moves none of them, and writes reach the cached answer at once.

describe('portal.myWorkOrders', () => {
  let api: TestApi;
  let staff: Client;
  let alice: Client;
  let bob: Client;
  let aliceId = 0;
  let bobId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, alice, bob] = await Promise.all([api.as('staff'), api.as('alice'), api.as('bob')]);
    [aliceId, bobId] = await Promise.all([customerIdOf(api, 'alice'), customerIdOf(api, 'bob')]);
  });
  afterAll(() => api.stop());

  const idsOf = (answer: { open: { id: number }[]; past: { id: number }[] }) => ({
    open: answer.open.map((w) => w.id),
    past: answer.past.map((w) => w.id),
  });

  it('shows a new work order at once, and keeps it with the old owner after a sale', async () => {
    const vehicle = await freshVehicle(api, aliceId, 12_000);
    const before = await alice.portal.myWorkOrders.query();
    const created = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Brakes squeal',
      odometerIn: 12_100,
    });
    expect(idsOf(await alice.portal.myWorkOrders.query()).open).toEqual([
      created.id,
      ...idsOf(before).open,
    ]);
    expect(idsOf(await bob.portal.myWorkOrders.query()).open).not.toContain(created.id);

    await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: await versionOf(api, 'vehicle', vehicle.id),
      ownerId: bobId,
    });
    expect(idsOf(await alice.portal.myWorkOrders.query()).open).toContain(created.id);
    const bobs = idsOf(await bob.portal.myWorkOrders.query());
    expect([...bobs.open, ...bobs.past]).not.toContain(created.id);
  });

  it('moves a work order to the past once invoiced, and shows payments at once', async () => {
    const vehicle = await freshVehicle(api, aliceId, 8_000);
    const workOrder = await api.db.prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId: aliceId,
        concern: 'Tyres',
        odometerIn: 8_000,
        status: 'ready',
        lines: {
          create: {
            position: 1,
            kind: 'part',
            description: 'Tyre',
            quantity: '1',
            unitPriceCents: 9_000,
            taxRateBps: 0,
            approval: 'approved',
          },
        },
      },
    });
    // Written straight to the database, so nothing invalidated her list: drop it once.
    await api.app.cache.invalidateTags([customerWorkOrdersTag(aliceId)]);
    expect(idsOf(await alice.portal.myWorkOrders.query()).open).toContain(workOrder.id);
    await staff.workOrder.invoice.mutate({ id: workOrder.id });
    const after = await alice.portal.myWorkOrders.query();
    expect(after.past.find((w) => w.id === workOrder.id)?.status).toBe('invoiced');
    await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 9_000,
      method: 'card',
    });
    const paid = await alice.portal.myWorkOrders.query();
    expect(paid.past.find((w) => w.id === workOrder.id)?.status).toBe('paid');
  });
});
