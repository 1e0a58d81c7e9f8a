import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { versionOf } from './support/versions';
import { customerIdOf, freshVehicle } from './support/work-orders';

// Two attacks of issue 22, over HTTP against PostgreSQL: a line whose amount makes the work
// order's totals too large was refused but written, and every read of the work order failed
// from then on; a customer declined work already done on a ready work order. A refused request
// writes nothing, a read never fails on what is stored, and decisions are final once work has
// started.

// Within a line's limits (5e15 cents), but two of them add up past what cents can hold exactly.
const hugeLine = {
  kind: 'part',
  description: 'Gold-plated turbo',
  quantity: '50000000',
  unitPriceCents: 100_000_000,
  taxRateBps: 0,
} as const;

describe('refused writes and stored data', () => {
  let api: TestApi;
  let staff: Client;
  let alice: Client;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, alice] = await Promise.all([api.as('staff'), api.as('alice')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  async function estimate() {
    const vehicle = await freshVehicle(api, aliceId, 30_000);
    const workOrder = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Everything',
      odometerIn: 30_000,
    });
    return { vehicle, workOrder };
  }

  const lineCount = (workOrderId: number) =>
    api.db.prisma.workOrderLine.count({ where: { workOrderId } });

  /** Every read that shows the work order, as staff and as its customer: each must answer. */
  async function everyRead(workOrderId: number, vehicleId: number) {
    return {
      board: await outcome(staff.workOrder.board.query()),
      list: await outcome(staff.workOrder.list.query({})),
      search: await outcome(staff.workOrder.list.query({ search: 'everything' })),
      byId: await outcome(staff.workOrder.byId.query({ id: workOrderId })),
      portalById: await outcome(alice.workOrder.byId.query({ id: workOrderId })),
      portalList: await outcome(alice.portal.myWorkOrders.query()),
      history: await outcome(staff.vehicle.history.query({ vehicleId })),
      portalHistory: await outcome(alice.vehicle.history.query({ vehicleId })),
    };
  }
  const allAnswer = {
    board: 'OK',
    list: 'OK',
    search: 'OK',
    byId: 'OK',
    portalById: 'OK',
    portalList: 'OK',
    history: 'OK',
    portalHistory: 'OK',
  };

  it('refuses a line that makes the totals too large, naming its price, and writes nothing', async () => {
    const { vehicle, workOrder } = await estimate();
    await staff.workOrder.addLine.mutate({ workOrderId: workOrder.id, ...hugeLine });
    const errors = await fieldErrors(
      staff.workOrder.addLine.mutate({ workOrderId: workOrder.id, ...hugeLine }),
    );
    expect(await lineCount(workOrder.id)).toBe(1);
    expect(await everyRead(workOrder.id, vehicle.id)).toEqual(allAnswer);
    expect(Object.keys(errors)).toEqual(['unitPriceCents']);
    expect(errors.unitPriceCents?.[0]).toMatch(/too large to hold in cents/);
    const read = await staff.workOrder.byId.query({ id: workOrder.id });
    expect(read.totals.totalCents).toBe(5_000_000_000_000_000);
  });

  it('refuses a line change that makes the totals too large, and leaves the line as it was', async () => {
    const { vehicle, workOrder } = await estimate();
    await staff.workOrder.addLine.mutate({ workOrderId: workOrder.id, ...hugeLine });
    const small = await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      ...hugeLine,
      quantity: '1',
    });
    const lineId = small.lines[1]?.id ?? 0;
    const before = await api.db.prisma.workOrderLine.findUniqueOrThrow({ where: { id: lineId } });
    const errors = await fieldErrors(
      staff.workOrder.updateLine.mutate({
        id: lineId,
        version: before.version,
        quantity: '50000000',
      }),
    );
    expect(await api.db.prisma.workOrderLine.findUniqueOrThrow({ where: { id: lineId } })).toEqual(
      before,
    );
    expect(await everyRead(workOrder.id, vehicle.id)).toEqual(allAnswer);
    expect(Object.keys(errors)).toEqual(['quantity']);
  });

  it('refuses a decision that brings back a declined line past the limit, naming decisions', async () => {
    const { workOrder } = await estimate();
    const first = await staff.workOrder.addLine.mutate({ workOrderId: workOrder.id, ...hugeLine });
    const firstId = first.lines[0]?.id ?? 0;
    // Declined, it leaves the totals: a second one fits beside it.
    await alice.workOrder.decideLines.mutate({
      workOrderId: workOrder.id,
      decisions: [{ lineId: firstId, approved: false }],
    });
    await staff.workOrder.addLine.mutate({ workOrderId: workOrder.id, ...hugeLine });
    const errors = await fieldErrors(
      alice.workOrder.decideLines.mutate({
        workOrderId: workOrder.id,
        decisions: [{ lineId: firstId, approved: true }],
      }),
    );
    const line = await api.db.prisma.workOrderLine.findUniqueOrThrow({ where: { id: firstId } });
    expect(line.approval).toBe('declined');
    expect(Object.keys(errors)).toEqual(['decisions']);
  });

  it('answers every read of a work order whose stored lines overflow: such amounts are null', async () => {
    const { vehicle, workOrder } = await estimate();
    // Written outside the API's checks (as before the fix): two huge lines.
    await api.db.prisma.workOrderLine.createMany({
      data: [1, 2].map((position) => ({ workOrderId: workOrder.id, position, ...hugeLine })),
    });
    await api.db.prisma.workOrderLine.create({
      data: {
        workOrderId: workOrder.id,
        position: 3,
        ...hugeLine,
        quantity: '99999999.99',
        unitPriceCents: 2_000_000_000,
      },
    });
    await staff.workOrder.update.mutate({
      id: workOrder.id,
      version: await versionOf(api, 'workOrder', workOrder.id),
      notes: 'reach the cache',
    });
    expect(await everyRead(workOrder.id, vehicle.id)).toEqual(allAnswer);
    const read = await staff.workOrder.byId.query({ id: workOrder.id });
    expect(read.totals).toEqual({ subtotalCents: null, taxCents: 0, totalCents: null });
    expect(read.balanceCents).toBeNull();
    expect(read.lines.map((line) => line.totalCents)).toEqual([
      5_000_000_000_000_000,
      5_000_000_000_000_000,
      null,
    ]);
    const listed = await staff.workOrder.list.query({ vehicleId: vehicle.id });
    expect(listed.items[0]?.totalCents).toBeNull();
    // Writes still refuse it: invoicing it is a BAD_REQUEST, nothing written.
    await api.db.prisma.workOrderLine.updateMany({
      where: { workOrderId: workOrder.id },
      data: { approval: 'approved' },
    });
    await api.db.prisma.workOrder.update({
      where: { id: workOrder.id },
      data: { status: 'ready' },
    });
    expect(await outcome(staff.workOrder.invoice.mutate({ id: workOrder.id }))).toBe('BAD_REQUEST');
    const row = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } });
    expect([row.status, row.invoiceNumber]).toEqual(['ready', null]);
  });
});

describe('decisions once work has started', () => {
  let api: TestApi;
  let staff: Client;
  let alice: Client;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, alice] = await Promise.all([api.as('staff'), api.as('alice')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  /** DESIGN.md's example (total 230.78), every line approved, moved to `status`. */
  async function approvedExample(status: 'approved' | 'in_progress' | 'ready') {
    const vehicle = await freshVehicle(api, aliceId, 20_000);
    const { id } = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Brakes squeal',
      odometerIn: 20_000,
    });
    for (const line of [
      { kind: 'labor', description: 'Replace pads', quantity: '1.5', unitPriceCents: 12_000 },
      { kind: 'part', description: 'Pad', quantity: '4', unitPriceCents: 749 },
      { kind: 'fee', description: 'Supplies', quantity: '1', unitPriceCents: 350, taxRateBps: 0 },
    ] as const) {
      await staff.workOrder.addLine.mutate({ workOrderId: id, taxRateBps: 825, ...line });
    }
    const lines = (await staff.workOrder.byId.query({ id })).lines;
    await alice.workOrder.decideLines.mutate({
      workOrderId: id,
      decisions: lines.map((line) => ({ lineId: line.id, approved: true })),
    });
    for (const next of ['in_progress', 'ready'] as const) {
      if (status === 'approved' || (status === 'in_progress' && next === 'ready')) break;
      await staff.workOrder.setStatus.mutate({ id, status: next });
    }
    return staff.workOrder.byId.query({ id });
  }

  it('on a ready work order the customer cannot decline approved labour: CONFLICT, the total stays', async () => {
    const ready = await approvedExample('ready');
    expect([ready.status, ready.totals.totalCents]).toEqual(['ready', 23_078]);
    const labour = ready.lines[0];
    const call = alice.workOrder.decideLines.mutate({
      workOrderId: ready.id,
      decisions: [{ lineId: labour?.id ?? 0, approved: false }],
    });
    expect(await outcome(call)).toBe('CONFLICT');
    await expect(call).rejects.toThrow(
      `work order is ready: line ${labour?.id} is already approved, and decisions are final once work has started`,
    );
    const after = await alice.workOrder.byId.query({ id: ready.id });
    expect([after.totals.totalCents, after.lines[0]?.approval]).toEqual([23_078, 'approved']);
    // The page offers no decision on it.
    expect(after.lines[0]?.decidable).toBe(false);
    // Staff recording a phone call: the same rule.
    expect(
      await outcome(
        staff.workOrder.decideLines.mutate({
          workOrderId: ready.id,
          decisions: [{ lineId: labour?.id ?? 0, approved: false }],
          channel: 'phone',
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('refuses a batch with one final decision whole: the pending line in it is not decided either', async () => {
    const started = await approvedExample('in_progress');
    const added = await staff.workOrder.addLine.mutate({
      workOrderId: started.id,
      kind: 'part',
      description: 'Wiper blades',
      quantity: '2',
      unitPriceCents: 1_500,
    });
    const wipers = added.lines.at(-1);
    expect(
      await outcome(
        alice.workOrder.decideLines.mutate({
          workOrderId: started.id,
          decisions: [
            { lineId: wipers?.id ?? 0, approved: true },
            { lineId: started.lines[1]?.id ?? 0, approved: false },
          ],
        }),
      ),
    ).toBe('CONFLICT');
    const unchanged = await api.db.prisma.workOrderLine.findUniqueOrThrow({
      where: { id: wipers?.id ?? 0 },
    });
    expect(unchanged.approval).toBe('pending');
    // Alone, the line still pending is decided, whatever the status.
    expect(wipers?.decidable).toBe(true);
    const decided = await alice.workOrder.decideLines.mutate({
      workOrderId: started.id,
      decisions: [{ lineId: wipers?.id ?? 0, approved: false }],
    });
    expect(decided.lines.at(-1)?.approval).toBe('declined');
    expect(decided.lines.at(-1)?.decidable).toBe(false);
  });

  it('before work starts a decision can still be changed', async () => {
    const approved = await approvedExample('approved');
    const changed = await alice.workOrder.decideLines.mutate({
      workOrderId: approved.id,
      decisions: [{ lineId: approved.lines[1]?.id ?? 0, approved: false }],
    });
    expect(changed.lines[1]?.approval).toBe('declined');
    expect(changed.lines.every((line) => line.decidable)).toBe(true);
  });
});
