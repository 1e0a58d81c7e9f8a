import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { expectLoaded, invalidationMatrix, type Probe } from './support/invalidation-matrix';
import { versionOf } from './support/versions';
import { customerIdOf, freshVehicle, userIdOf } from './support/work-orders';

// The invalidation matrix: for each work-order mutation, which cached reads must be loaded
// again at once (their entry was invalidated) and which must still be answered from the cache.
// A read counts as loaded when its route's loader ran for it (the cache's route stats).

describe('work-order invalidation matrix', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let bob: Client;
  let probes: Probe[] = [];
  const ids = { a: 0, b: 0, c: 0, aLines: [] as number[], bLine: 0, v1: 0, v2: 0, v3: 0 };
  let v1Mileage = 10_000;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice, bob] = await Promise.all([
      api.as('staff'),
      api.as('admin'),
      api.as('alice'),
      api.as('bob'),
    ]);
    const [aliceId, bobId, tom, rita] = await Promise.all([
      customerIdOf(api, 'alice'),
      customerIdOf(api, 'bob'),
      userIdOf(api, 'tom'),
      userIdOf(api, 'rita'),
    ]);
    const [v1, v2, v3] = [
      await freshVehicle(api, aliceId, v1Mileage),
      await freshVehicle(api, aliceId, 20_000),
      await freshVehicle(api, bobId, 30_000),
    ];
    Object.assign(ids, { v1: v1.id, v2: v2.id, v3: v3.id });
    const line = {
      position: 1,
      kind: 'labor',
      description: 'Look',
      quantity: '1',
      unitPriceCents: 100,
      taxRateBps: 0,
    } as const;
    const open = (vehicleId: number, customerId: number, concern: string, odometerIn: number) =>
      api.db.prisma.workOrder.create({
        data: { vehicleId, customerId, concern, odometerIn, lines: { create: line } },
        include: { lines: true },
      });
    const c = await open(v3.id, bobId, 'Matrix charlie', 30_000);
    const b = await open(v2.id, aliceId, 'Matrix bravo', 20_000);
    const a = await open(v1.id, aliceId, 'Matrix alpha', v1Mileage);
    await api.db.prisma.workOrder.update({ where: { id: a.id }, data: { technicianId: tom } });
    Object.assign(ids, {
      a: a.id,
      b: b.id,
      c: c.id,
      aLines: a.lines.map((l) => l.id),
      bLine: b.lines[0]?.id ?? 0,
    });

    probes = [
      {
        name: 'staff byId A',
        route: 'workOrder.byId',
        read: () => staff.workOrder.byId.query({ id: a.id }),
      },
      {
        name: 'staff byId B',
        route: 'workOrder.byId',
        read: () => staff.workOrder.byId.query({ id: b.id }),
      },
      {
        name: 'staff byId C',
        route: 'workOrder.byId',
        read: () => staff.workOrder.byId.query({ id: c.id }),
      },
      { name: 'list all', route: 'workOrder.list', read: () => staff.workOrder.list.query({}) },
      {
        name: 'list approved',
        route: 'workOrder.list',
        read: () => staff.workOrder.list.query({ status: ['approved'] }),
      },
      {
        name: 'list rita',
        route: 'workOrder.list',
        read: () => staff.workOrder.list.query({ technicianId: rita }),
      },
      {
        name: 'list search bravo',
        route: 'workOrder.list',
        read: () => staff.workOrder.list.query({ search: 'matrix bravo' }),
      },
      {
        name: 'list vehicle V3',
        route: 'workOrder.list',
        read: () => staff.workOrder.list.query({ vehicleId: v3.id }),
      },
      { name: 'board', route: 'workOrder.board', read: () => staff.workOrder.board.query() },
      {
        name: 'staff history V1',
        route: 'vehicle.history',
        read: () => staff.vehicle.history.query({ vehicleId: v1.id }),
      },
      {
        name: 'staff history V3',
        route: 'vehicle.history',
        read: () => staff.vehicle.history.query({ vehicleId: v3.id }),
      },
      {
        name: 'staff vehicle V1',
        route: 'vehicle.byId',
        read: () => staff.vehicle.byId.query({ id: v1.id }),
      },
      {
        name: 'staff vehicle V2',
        route: 'vehicle.byId',
        read: () => staff.vehicle.byId.query({ id: v2.id }),
      },
      {
        name: 'vehicle list alice',
        route: 'vehicle.list',
        read: () => staff.vehicle.list.query({ ownerId: aliceId }),
      },
      {
        name: 'customer alice',
        route: 'customer.byId',
        read: () => staff.customer.byId.query({ id: aliceId }),
      },
      {
        name: 'alice byId A',
        route: 'workOrder.byId',
        read: () => alice.workOrder.byId.query({ id: a.id }),
      },
      {
        name: 'alice history V1',
        route: 'vehicle.history',
        read: () => alice.vehicle.history.query({ vehicleId: v1.id }),
      },
      {
        name: 'alice portal',
        route: 'portal.myVehicles',
        read: () => alice.portal.myVehicles.query(),
      },
      { name: 'bob portal', route: 'portal.myVehicles', read: () => bob.portal.myVehicles.query() },
      {
        name: 'bob history V3',
        route: 'vehicle.history',
        read: () => bob.vehicle.history.query({ vehicleId: v3.id }),
      },
      {
        name: 'alice byId B',
        route: 'workOrder.byId',
        read: () => alice.workOrder.byId.query({ id: b.id }),
      },
      {
        name: 'list invoiced',
        route: 'workOrder.list',
        read: () => staff.workOrder.list.query({ status: ['invoiced'] }),
      },
      {
        name: 'alice work orders',
        route: 'portal.myWorkOrders',
        read: () => alice.portal.myWorkOrders.query(),
      },
      {
        name: 'bob work orders',
        route: 'portal.myWorkOrders',
        read: () => bob.portal.myWorkOrders.query(),
      },
      { name: 'due soon', route: 'reminder.dueSoon', read: () => staff.reminder.dueSoon.query({}) },
      { name: 'settings', route: 'settings.get', read: () => staff.settings.get.query() },
      { name: 'alice shop', route: 'settings.shop', read: () => alice.settings.shop.query() },
    ];
  });
  afterAll(() => api.stop());

  const { reloadedBy } = invalidationMatrix(
    () => api,
    () => probes,
  );

  const aViews = [
    'staff byId A',
    'list all',
    'board',
    'staff history V1',
    'alice byId A',
    'alice history V1',
    'alice work orders',
  ];

  // One story, in order: each step starts from what the previous one left.
  it('addLine: the work order, the lists and board showing it, its vehicle history', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.addLine.mutate({
          workOrderId: ids.a,
          kind: 'part',
          description: 'Bulb',
          quantity: '2',
          unitPriceCents: 300,
        }),
      ),
    ).toEqual(expectLoaded(...aViews));
    ids.aLines = (
      await api.db.prisma.workOrderLine.findMany({ where: { workOrderId: ids.a } })
    ).map((line) => line.id);
  });

  it('updateLine: the same views, nothing else', async () => {
    expect(
      await reloadedBy(async () => {
        const id = ids.aLines[0] ?? 0;
        const version = await versionOf(api, 'workOrderLine', id);
        return staff.workOrder.updateLine.mutate({ id, version, quantity: '2' });
      }),
    ).toEqual(expectLoaded(...aViews));
  });

  it('decideLines moving it to approved: also the lists filtered to approved', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.decideLines.mutate({
          workOrderId: ids.a,
          decisions: ids.aLines.map((lineId) => ({ lineId, approved: true })),
        }),
      ),
    ).toEqual(expectLoaded(...aViews, 'list approved'));
  });

  it('setStatus: the lists it is on (approved, which it leaves)', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.setStatus.mutate({ id: ids.a, status: 'in_progress' }),
      ),
    ).toEqual(expectLoaded(...aViews, 'list approved'));
  });

  it("update of the technician: also the new technician's lists (not approved: it left them)", async () => {
    const rita = await userIdOf(api, 'rita');
    expect(
      await reloadedBy(async () =>
        staff.workOrder.update.mutate({
          id: ids.a,
          version: await versionOf(api, 'workOrder', ids.a),
          technicianId: rita,
        }),
      ),
    ).toEqual(expectLoaded(...aViews, 'list rita'));
  });

  it('update of the concern: also every searched list', async () => {
    expect(
      await reloadedBy(async () =>
        staff.workOrder.update.mutate({
          id: ids.a,
          version: await versionOf(api, 'workOrder', ids.a),
          concern: 'Matrix bravo too',
        }),
      ),
    ).toEqual(expectLoaded(...aViews, 'list rita', 'list search bravo'));
  });

  it("setStatus with odometer-out moving the mileage: also the vehicle's own views", async () => {
    v1Mileage += 50;
    expect(
      await reloadedBy(() =>
        staff.workOrder.setStatus.mutate({
          id: ids.a,
          status: 'waiting_parts',
          odometerOut: v1Mileage,
        }),
      ),
    ).toEqual(
      expectLoaded(
        ...aViews,
        'list rita',
        'list search bravo',
        'staff vehicle V1',
        'vehicle list alice',
        'customer alice',
        'alice portal',
      ),
    );
  });

  it('removeLine: the lists it is still on, not the one it left', async () => {
    expect(
      await reloadedBy(async () => {
        const id = ids.aLines[1] ?? 0;
        const version = await versionOf(api, 'workOrderLine', id);
        return staff.workOrder.removeLine.mutate({ id, version });
      }),
    ).toEqual(expectLoaded(...aViews, 'list rita', 'list search bravo'));
  });

  it('create at the same mileage: every list, the board and the vehicle history; no vehicle view', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.create.mutate({
          vehicleId: ids.v1,
          concern: 'Second visit',
          odometerIn: v1Mileage,
        }),
      ),
    ).toEqual(
      expectLoaded(
        'list all',
        'list approved',
        'list rita',
        'list search bravo',
        'list vehicle V3',
        'list invoiced',
        'board',
        'staff history V1',
        'alice history V1',
        'alice work orders',
      ),
    );
  });

  it("create moving another customer's mileage: their vehicle's views, not alice's", async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.create.mutate({ vehicleId: ids.v3, concern: 'Tyres', odometerIn: 30_400 }),
      ),
    ).toEqual(
      expectLoaded(
        'list all',
        'list approved',
        'list rita',
        'list search bravo',
        'list vehicle V3',
        'list invoiced',
        'board',
        'staff history V3',
        'bob history V3',
        'bob portal',
        'bob work orders',
        // Its work order's page shows the vehicle: it carries the vehicle's tag.
        'staff byId C',
      ),
    );
  });

  it("the customer's own decision in the portal: that work order's views and the approved lists", async () => {
    expect(
      await reloadedBy(() =>
        alice.workOrder.decideLines.mutate({
          workOrderId: ids.b,
          decisions: [{ lineId: ids.bLine, approved: true }],
        }),
      ),
    ).toEqual(
      expectLoaded(
        'staff byId B',
        'alice byId B',
        'alice work orders',
        'list all',
        'list search bravo',
        'list approved',
        'board',
      ),
    );
  });

  const bViews = [
    'staff byId B',
    'alice byId B',
    'alice work orders',
    'list all',
    'list search bravo',
  ];

  it("invoice without a next service: that work order's views, the invoiced lists, the board; nothing else of alice's", async () => {
    for (const status of ['in_progress', 'ready'] as const)
      await staff.workOrder.setStatus.mutate({ id: ids.b, status });
    expect(await reloadedBy(() => staff.workOrder.invoice.mutate({ id: ids.b }))).toEqual(
      expectLoaded(...bViews, 'list invoiced', 'board'),
    );
  });

  it('a partial payment: the work order on staff pages and in the portal at once; no status list', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.addPayment.mutate({ workOrderId: ids.b, amountCents: 40, method: 'cash' }),
      ),
    ).toEqual(expectLoaded(...bViews, 'list invoiced'));
    expect(await alice.workOrder.byId.query({ id: ids.b })).toMatchObject({ balanceCents: 60 });
  });

  it('the payment of the balance: also the paid lists (it leaves the invoiced ones), not the board', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.addPayment.mutate({ workOrderId: ids.b, amountCents: 60, method: 'card' }),
      ),
    ).toEqual(expectLoaded(...bViews, 'list invoiced'));
    expect(await alice.workOrder.byId.query({ id: ids.b })).toMatchObject({
      status: 'paid',
      balanceCents: 0,
    });
  });

  it('voiding a payment of the paid work order: back on the invoiced lists, its views; not the board', async () => {
    const paid = await staff.workOrder.byId.query({ id: ids.b });
    expect(
      await reloadedBy(() =>
        staff.workOrder.voidPayment.mutate({
          paymentId: paid.payments.at(-1)?.id ?? 0,
          reason: 'card charge failed',
        }),
      ),
    ).toEqual(expectLoaded(...bViews, 'list invoiced'));
    expect(await alice.workOrder.byId.query({ id: ids.b })).toMatchObject({
      status: 'invoiced',
      balanceCents: 60,
    });
  });

  it('a refund: the work order on staff pages and in the portal at once, nothing else', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.refund.mutate({
          workOrderId: ids.b,
          amountCents: 10,
          method: 'cash',
          reason: 'goodwill',
        }),
      ),
    ).toEqual(expectLoaded(...bViews, 'list invoiced'));
    expect(await alice.workOrder.byId.query({ id: ids.b })).toMatchObject({ balanceCents: 70 });
  });

  it('a credit note: the work order leaves the invoiced lists and joins the board', async () => {
    expect(
      await reloadedBy(() =>
        staff.workOrder.creditInvoice.mutate({ id: ids.b, reason: 'wrong price' }),
      ),
    ).toEqual(expectLoaded(...bViews, 'list invoiced', 'board'));
    expect(await alice.workOrder.byId.query({ id: ids.b })).toMatchObject({
      status: 'ready',
      invoiceNumber: null,
    });
  });

  it("invoice with a next service: also the vehicle's histories and the due-soon list", async () => {
    for (const status of ['in_progress', 'ready'] as const)
      await staff.workOrder.setStatus.mutate({ id: ids.a, status });
    expect(
      await reloadedBy(() =>
        staff.workOrder.invoice.mutate({
          id: ids.a,
          nextService: { mileage: v1Mileage + 500 },
        }),
      ),
    ).toEqual(
      expectLoaded(...aViews, 'list rita', 'list search bravo', 'list invoiced', 'due soon'),
    );
    expect((await alice.vehicle.history.query({ vehicleId: ids.v1 })).nextService).toMatchObject({
      dueMileage: v1Mileage + 500,
      predictedMileage: v1Mileage,
      dueSoon: true,
    });
  });

  it("create moving alice's mileage: the next service's prediction (histories, due soon) moves too", async () => {
    v1Mileage += 300;
    expect(
      await reloadedBy(() =>
        staff.workOrder.create.mutate({
          vehicleId: ids.v1,
          concern: 'Third visit',
          odometerIn: v1Mileage,
        }),
      ),
    ).toEqual(
      expectLoaded(
        ...aViews,
        'list approved',
        'list rita',
        'list search bravo',
        'list vehicle V3',
        'list invoiced',
        'staff vehicle V1',
        'vehicle list alice',
        'customer alice',
        'alice portal',
        'due soon',
      ),
    );
    expect((await staff.vehicle.history.query({ vehicleId: ids.v1 })).nextService).toMatchObject({
      predictedMileage: v1Mileage,
    });
  });

  it("settings.update: the settings, the shop's profile, and the views of work orders not invoiced (their money follows the settings)", async () => {
    expect(await reloadedBy(() => admin.settings.update.mutate({ name: 'Matrix Motors' }))).toEqual(
      expectLoaded(
        'settings',
        'alice shop',
        // B (credited, ready) and C are open; A is invoiced and keeps its invoice's currency.
        'staff byId B',
        'staff byId C',
        'alice byId B',
        'list all',
        // The seed's open work orders approved or assigned to rita.
        'list approved',
        'list rita',
        'list search bravo',
        'list vehicle V3',
        'board',
        'staff history V1',
        'staff history V3',
        'alice history V1',
        'bob history V3',
        'alice work orders',
        'bob work orders',
        // Its rows price the saved job each offers at the shop's rate and in its currency.
        'due soon',
      ),
    );
    expect(await alice.settings.shop.query()).toMatchObject({ name: 'Matrix Motors' });
    // Nothing of an invoiced work order follows the settings.
    expect((await alice.workOrder.byId.query({ id: ids.a })).money.from).toBe('invoice');
  });
});
