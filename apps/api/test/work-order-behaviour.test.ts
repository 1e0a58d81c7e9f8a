import { TRPCClientError } from '@trpc/client';
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
import { customerIdOf, freshVehicle, freshVin, userIdOf } from './support/work-orders';

// The work-order procedures over real HTTP against PostgreSQL and Redis: what each one does,
// and what it refuses.

/** The message of a rejected call, with its code. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return { code: String(error.data?.code), message: error.message };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('work orders over HTTP', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let bob: Client;
  let aliceId: number;
  let bobId: number;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice, bob] = await Promise.all([
      api.as('staff'),
      api.as('admin'),
      api.as('alice'),
      api.as('bob'),
    ]);
    aliceId = await customerIdOf(api, 'alice');
    bobId = await customerIdOf(api, 'bob');
  });
  afterAll(() => api.stop());

  /** A new estimate on a new vehicle of `ownerId`. */
  async function freshWorkOrder(ownerId = aliceId, mileage = 50_000) {
    const vehicle = await freshVehicle(api, ownerId, mileage);
    const workOrder = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Squeal when braking',
      odometerIn: mileage + 120,
    });
    return { vehicle, workOrder };
  }

  it("computes DESIGN.md's example on the server: per line and in total", async () => {
    const { workOrder } = await freshWorkOrder();
    await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'labor',
      description: 'Replace front pads',
      quantity: '1.5',
      unitPriceCents: 12_000,
      taxRateBps: 825,
    });
    await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'part',
      description: 'Brake pad',
      partNumber: 'BP-1',
      quantity: '4',
      unitPriceCents: 749,
      taxRateBps: 825,
    });
    await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'fee',
      description: 'Shop supplies',
      quantity: '1',
      unitPriceCents: 350,
      taxRateBps: 0,
    });
    const page = await staff.workOrder.byId.query({ id: workOrder.id });
    expect(
      page.lines.map(({ quantity, netCents, taxCents, totalCents, approval }) => ({
        quantity,
        netCents,
        taxCents,
        totalCents,
        approval,
      })),
    ).toEqual([
      {
        quantity: '1.5',
        netCents: 18_000,
        taxCents: 1_485,
        totalCents: 19_485,
        approval: 'pending',
      },
      { quantity: '4', netCents: 2_996, taxCents: 247, totalCents: 3_243, approval: 'pending' },
      { quantity: '1', netCents: 350, taxCents: 0, totalCents: 350, approval: 'pending' },
    ]);
    expect(page.totals).toEqual({ subtotalCents: 21_346, taxCents: 1_732, totalCents: 23_078 });
    expect(page).toMatchObject({ balanceCents: 23_078, paidCents: 0, awaitingApproval: true });
    const row = (await staff.workOrder.list.query({ vehicleId: page.vehicle.id })).items[0];
    expect(row).toMatchObject({ id: workOrder.id, totalCents: 23_078, awaitingApproval: true });
  });

  it("defaults a labour line to the shop's labour and tax rates; a part needs its price", async () => {
    const { workOrder } = await freshWorkOrder();
    await admin.settings.update.mutate({ defaultLaborRateCents: 9_500, defaultTaxRateBps: 700 });
    try {
      const page = await staff.workOrder.addLine.mutate({
        workOrderId: workOrder.id,
        kind: 'labor',
        description: 'Diagnosis',
        quantity: '0.5',
      });
      expect(page.lines[0]).toMatchObject({
        unitPriceCents: 9_500,
        taxRateBps: 700,
        netCents: 4_750,
        taxCents: 333,
      });
      expect(
        await fieldErrors(
          staff.workOrder.addLine.mutate({
            workOrderId: workOrder.id,
            kind: 'part',
            description: 'Filter',
            quantity: '1',
          }),
        ),
      ).toEqual({ unitPriceCents: ['is required for a part or a fee'] });
    } finally {
      await admin.settings.update.mutate({ defaultLaborRateCents: 12_000, defaultTaxRateBps: 825 });
    }
  });

  it('refuses quantities with more than two decimals or of zero, naming the field', async () => {
    const { workOrder } = await freshWorkOrder();
    for (const quantity of ['1.555', '0', '0.00', '-1', '1e3', 'two']) {
      const errors = await fieldErrors(
        staff.workOrder.addLine.mutate({
          workOrderId: workOrder.id,
          kind: 'part',
          description: 'Bolt',
          quantity,
          unitPriceCents: 10,
        }),
      );
      expect(Object.keys(errors), quantity).toEqual(['quantity']);
    }
  });

  it("opens a work order for the vehicle's owner at that moment; a sale later never moves it", async () => {
    const { vehicle, workOrder: before } = await freshWorkOrder(aliceId);
    expect(before).toMatchObject({ status: 'estimate', customer: { id: aliceId } });
    expect(before.number).toMatch(/^WO-\d{6,}$/);
    expect(before.statusHistory).toMatchObject([{ from: null, to: 'estimate' }]);

    await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: await versionOf(api, 'vehicle', vehicle.id),
      ownerId: bobId,
    });
    const after = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Annual service',
      odometerIn: vehicle.mileage + 500,
    });
    expect(after.customer.id).toBe(bobId);
    expect((await staff.workOrder.byId.query({ id: before.id })).customer.id).toBe(aliceId);

    // The old owner keeps their work order; the new owner does not see it.
    expect((await alice.workOrder.byId.query({ id: before.id })).id).toBe(before.id);
    expect(await outcome(bob.workOrder.byId.query({ id: before.id }))).toBe('FORBIDDEN');
    expect(await outcome(alice.workOrder.byId.query({ id: after.id }))).toBe('FORBIDDEN');
    // The history is the owner's: the new one sees only their own work orders in it.
    expect(await outcome(alice.vehicle.history.query({ vehicleId: vehicle.id }))).toBe('FORBIDDEN');
    const bobsView = await bob.vehicle.history.query({ vehicleId: vehicle.id });
    expect(bobsView.workOrders.map((w) => w.id)).toEqual([after.id]);
    expect(bobsView.odometerLog.map((r) => r.reading)).toEqual([vehicle.mileage + 500]);
    const staffView = await staff.vehicle.history.query({ vehicleId: vehicle.id });
    expect(staffView.workOrders.map((w) => w.id)).toEqual([after.id, before.id]);
    expect(staffView.odometerLog.map((r) => r.reading)).toEqual([
      vehicle.mileage + 500,
      vehicle.mileage + 120,
    ]);
  });

  it('shows declined lines as recommendations in the vehicle history', async () => {
    const { vehicle, workOrder } = await freshWorkOrder();
    const withLines = await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'labor',
      description: 'Replace timing belt',
      quantity: '3',
      unitPriceCents: 10_000,
    });
    const more = await staff.workOrder.addLine.mutate({
      workOrderId: withLines.id,
      kind: 'part',
      description: 'Wiper blades',
      quantity: '2',
      unitPriceCents: 1_500,
    });
    const [belt, wipers] = more.lines;
    if (!belt || !wipers) throw new Error('two lines expected');
    await staff.workOrder.decideLines.mutate({
      workOrderId: workOrder.id,
      decisions: [
        { lineId: belt.id, approved: false },
        { lineId: wipers.id, approved: true },
      ],
    });
    const history = await alice.vehicle.history.query({ vehicleId: vehicle.id });
    expect(history.recommendations).toMatchObject([
      {
        id: belt.id,
        description: 'Replace timing belt',
        netCents: 30_000,
        workOrder: { id: workOrder.id, number: workOrder.number },
      },
    ]);
    expect(history.recommendations[0]?.declinedAt).toBeInstanceOf(Date);
    // Totals count only what was not declined.
    expect(history.workOrders[0]?.totalCents).toBe(3_248);
  });

  it('moves through the one transition function: allowed, refused with CONFLICT naming the status', async () => {
    const { workOrder } = await freshWorkOrder();
    const refused = await refusal(
      staff.workOrder.setStatus.mutate({ id: workOrder.id, status: 'in_progress' }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/work order is estimate/);
    expect(
      (await refusal(staff.workOrder.setStatus.mutate({ id: workOrder.id, status: 'approved' })))
        .message,
    ).toMatch(/estimate: cannot move to approved, it has no lines/);

    const priced = await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'labor',
      description: 'Brakes',
      quantity: '1',
    });
    const decided = await staff.workOrder.decideLines.mutate({
      workOrderId: workOrder.id,
      decisions: [{ lineId: priced.lines[0]?.id ?? 0, approved: true }],
    });
    // All lines decided, one approved: the estimate is approved by the decision itself.
    expect(decided).toMatchObject({
      status: 'approved',
      statusMove: { from: 'estimate', to: 'approved' },
      awaitingApproval: false,
      nextStatuses: ['in_progress', 'cancelled'],
    });
    expect(decided.lines[0]).toMatchObject({
      approval: 'approved',
      decisionChannel: 'phone',
      decidedBy: { name: 'Sam Staff' },
    });
    expect(decided.approvedAt).toBeInstanceOf(Date);

    const moved = await staff.workOrder.setStatus.mutate({
      id: workOrder.id,
      status: 'in_progress',
    });
    expect(moved.status).toBe('in_progress');
    expect(moved.statusHistory.map(({ from, to, by }) => [from, to, by?.name])).toEqual([
      [null, 'estimate', 'Sam Staff'],
      ['estimate', 'approved', 'Sam Staff'],
      ['approved', 'in_progress', 'Sam Staff'],
    ]);
    // Invoicing is its own procedure, not a status button.
    const invoicing = await refusal(
      admin.workOrder.setStatus.mutate({ id: workOrder.id, status: 'invoiced' }),
    );
    expect(invoicing).toEqual({
      code: 'CONFLICT',
      message:
        'work order is in_progress: cannot move to invoiced, that is not a step of the workflow',
    });

    // A line added after approval is pending: the work order awaits approval and cannot be ready.
    const added = await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'part',
      description: 'Caliper',
      quantity: '1',
      unitPriceCents: 8_000,
    });
    expect(added).toMatchObject({ status: 'in_progress', awaitingApproval: true });
    expect(added.nextStatuses).not.toContain('ready');
    expect(
      (await refusal(staff.workOrder.setStatus.mutate({ id: workOrder.id, status: 'ready' })))
        .message,
    ).toMatch(/in_progress: cannot move to ready, 1 line awaits/);
  });

  it('records odometer-out; a reading below the mileage is refused unless a correction; a jump is flagged', async () => {
    const { vehicle, workOrder } = await freshWorkOrder(aliceId, 80_000);
    const odometerIn = 80_120;
    expect((await staff.vehicle.byId.query({ id: vehicle.id })).mileage).toBe(odometerIn);

    expect(
      await fieldErrors(
        staff.workOrder.create.mutate({
          vehicleId: vehicle.id,
          concern: 'Noise',
          odometerIn: 70_000,
        }),
      ),
    ).toEqual({
      odometerIn: [
        `is below the vehicle's mileage (${odometerIn}); mark it as a correction if it is right`,
      ],
    });
    const corrected = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Noise',
      odometerIn: 70_000,
      odometerCorrection: true,
    });
    expect(corrected.recordedReading).toMatchObject({
      reading: 70_000,
      correction: true,
      implausible: false,
      mileageChanged: true,
    });
    expect((await staff.vehicle.byId.query({ id: vehicle.id })).mileage).toBe(70_000);

    // More than 100,000 within 30 days: kept, flagged.
    const cancelled = await staff.workOrder.setStatus.mutate({
      id: workOrder.id,
      status: 'cancelled',
      odometerOut: 190_000,
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', odometerOut: 190_000 });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(cancelled.recordedReading).toMatchObject({ implausible: true, mileageChanged: true });
    expect(
      cancelled.odometerReadings.map(({ reading, source, implausible }) => ({
        reading,
        source,
        implausible,
      })),
    ).toEqual([
      { reading: odometerIn, source: 'work_order_in', implausible: false },
      { reading: 190_000, source: 'work_order_out', implausible: true },
    ]);
    const log = (await staff.vehicle.history.query({ vehicleId: vehicle.id })).odometerLog;
    expect(log.map((entry) => [entry.reading, entry.correction, entry.implausible])).toEqual([
      [190_000, false, true],
      [70_000, true, false],
      [odometerIn, false, false],
    ]);
    expect((await staff.vehicle.byId.query({ id: vehicle.id })).mileage).toBe(190_000);
  });

  it("puts the vehicle form's mileage in the odometer log: registered, raised, corrected", async () => {
    const vehicle = await staff.vehicle.create.mutate({
      ownerId: aliceId,
      vin: freshVin(),
      plate: 'LOG 1',
      make: 'Skoda',
      model: 'Octavia',
      year: 2019,
      mileage: 30_000,
    });
    const raised = await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: vehicle.version,
      mileage: 31_000,
    });
    const painted = await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: raised.version,
      colour: 'blue',
      mileage: 31_000,
    });
    await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: painted.version,
      mileage: 30_500,
      allowMileageDecrease: true,
    });
    const log = (await staff.vehicle.history.query({ vehicleId: vehicle.id })).odometerLog;
    expect(log.map(({ reading, source, correction }) => [reading, source, correction])).toEqual([
      [30_500, 'vehicle_form', true],
      [31_000, 'vehicle_form', false],
      [30_000, 'vehicle_form', false],
    ]);
    expect((await staff.vehicle.byId.query({ id: vehicle.id })).mileage).toBe(30_500);
  });

  it('refuses every change to an invoiced work order with CONFLICT', async () => {
    const invoiced = await api.db.prisma.workOrder.findFirstOrThrow({
      where: { status: 'invoiced' },
      include: { lines: true },
    });
    const line = invoiced.lines[0];
    if (!line) throw new Error('a seeded invoiced work order has lines');
    const calls = [
      () =>
        staff.workOrder.addLine.mutate({
          workOrderId: invoiced.id,
          kind: 'fee',
          description: 'Late fee',
          quantity: '1',
          unitPriceCents: 100,
        }),
      () =>
        staff.workOrder.updateLine.mutate({
          id: line.id,
          version: line.version,
          description: 'Changed',
        }),
      () => staff.workOrder.removeLine.mutate({ id: line.id, version: line.version }),
      () =>
        staff.workOrder.update.mutate({
          id: invoiced.id,
          version: invoiced.version,
          concern: 'Changed',
        }),
      () =>
        staff.workOrder.decideLines.mutate({
          workOrderId: invoiced.id,
          decisions: [{ lineId: line.id, approved: false }],
        }),
      () => staff.workOrder.setStatus.mutate({ id: invoiced.id, status: 'cancelled' }),
    ];
    for (const call of calls) {
      expect(await refusal(call())).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/^work order is invoiced/),
      });
    }
    const after = await api.db.prisma.workOrder.findUniqueOrThrow({
      where: { id: invoiced.id },
      include: { lines: true },
    });
    expect(after).toEqual(invoiced);
  });

  it('puts a repriced line back to pending; a reworded one keeps its decision', async () => {
    const { workOrder } = await freshWorkOrder();
    const added = await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'part',
      description: 'Oil filter',
      quantity: '1',
      unitPriceCents: 900,
    });
    const lineId = added.lines[0]?.id ?? 0;
    await staff.workOrder.decideLines.mutate({
      workOrderId: workOrder.id,
      decisions: [{ lineId, approved: true }],
      channel: 'in_person',
    });
    const reworded = await staff.workOrder.updateLine.mutate({
      id: lineId,
      version: added.lines[0]?.version ?? 0,
      description: 'Oil filter (OEM)',
      quantity: '1.00',
    });
    expect(reworded.lines[0]).toMatchObject({ approval: 'approved', decisionChannel: 'in_person' });
    const repriced = await staff.workOrder.updateLine.mutate({
      id: lineId,
      version: reworded.lines[0]?.version ?? 0,
      unitPriceCents: 1_100,
    });
    expect(repriced.lines[0]).toMatchObject({ approval: 'pending', decidedBy: null });
    expect(repriced).toMatchObject({ status: 'approved', awaitingApproval: true });
    const version = repriced.lines[0]?.version ?? 0;
    const removed = await staff.workOrder.removeLine.mutate({ id: lineId, version });
    expect(removed.lines).toEqual([]);
    expect(await outcome(staff.workOrder.removeLine.mutate({ id: lineId, version }))).toBe(
      'NOT_FOUND',
    );
  });

  it("lets the work order's customer decide in the portal, no one else", async () => {
    const { workOrder } = await freshWorkOrder(aliceId);
    const added = await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'labor',
      description: 'Alignment',
      quantity: '1',
    });
    const decision = {
      workOrderId: workOrder.id,
      decisions: [{ lineId: added.lines[0]?.id ?? 0, approved: true }],
    };
    expect(await outcome(bob.workOrder.decideLines.mutate(decision))).toBe('FORBIDDEN');
    expect(
      await fieldErrors(alice.workOrder.decideLines.mutate({ ...decision, channel: 'phone' })),
    ).toEqual({
      channel: ['is the portal for a customer; leave it out'],
    });
    await staff.workOrder.update.mutate({
      id: workOrder.id,
      version: workOrder.version,
      notes: 'customer haggles',
    });
    const decided = await alice.workOrder.decideLines.mutate(decision);
    expect(decided.lines[0]).toMatchObject({
      approval: 'approved',
      decisionChannel: 'portal',
      decidedBy: { name: 'Alice Martin' },
    });
    // The customer's view, the decision's answer too, leaves out the shop's notes and the
    // status buttons.
    expect(decided).toMatchObject({ status: 'approved', notes: null, nextStatuses: [] });
    expect(await alice.workOrder.byId.query({ id: workOrder.id })).toMatchObject({
      notes: null,
      nextStatuses: [],
    });
    expect((await staff.workOrder.byId.query({ id: workOrder.id })).notes).toBe('customer haggles');
    expect(
      await fieldErrors(
        staff.workOrder.decideLines.mutate({
          workOrderId: workOrder.id,
          decisions: [{ lineId: 1, approved: true }],
        }),
      ),
    ).toEqual({ 'decisions.0.lineId': ['is not a line of this work order'] });
  });

  it('updates only the named details; null clears; a technician must be one', async () => {
    const tom = await userIdOf(api, 'tom');
    const promisedAt = new Date('2030-01-02T15:00:00Z');
    const { workOrder } = await freshWorkOrder();
    const set = await staff.workOrder.update.mutate({
      id: workOrder.id,
      version: workOrder.version,
      technicianId: tom,
      promisedAt,
      notes: 'keys in the box',
    });
    expect(set).toMatchObject({
      technician: { id: tom, name: 'Tom Torres' },
      promisedAt,
      notes: 'keys in the box',
      concern: 'Squeal when braking',
    });
    const cleared = await staff.workOrder.update.mutate({
      id: workOrder.id,
      version: set.version,
      promisedAt: null,
      notes: '',
    });
    expect(cleared).toMatchObject({ technician: { id: tom }, promisedAt: null, notes: null });
    const staffUser = await userIdOf(api, 'staff');
    expect(
      await fieldErrors(
        staff.workOrder.update.mutate({
          id: workOrder.id,
          version: cleared.version,
          technicianId: staffUser,
        }),
      ),
    ).toEqual({ technicianId: ['is not a technician of the shop'] });
    expect((await staff.workOrder.technicians.query()).map((t) => t.name)).toEqual([
      'Rita Kowalski',
      'Tom Torres',
    ]);
  });

  it('lists with filters, literal search and cursor pages; the board by open status', async () => {
    const rita = await userIdOf(api, 'rita');
    const { vehicle, workOrder } = await freshWorkOrder();
    await staff.workOrder.update.mutate({
      id: workOrder.id,
      version: workOrder.version,
      technicianId: rita,
      concern: 'Rattle at 100%_speed',
    });
    const found = await staff.workOrder.list.query({ search: '100%_s' });
    expect(found.items.map((w) => w.id)).toEqual([workOrder.id]);
    expect((await staff.workOrder.list.query({ search: '10_' })).items).toEqual([]);
    expect(
      (await staff.workOrder.list.query({ search: workOrder.number })).items.map((w) => w.id),
    ).toEqual([workOrder.id]);
    expect(
      (await staff.workOrder.list.query({ search: vehicle.plate.toLowerCase() })).items.map(
        (w) => w.id,
      ),
    ).toEqual([workOrder.id]);
    const ritas = await staff.workOrder.list.query({ technicianId: rita, status: ['estimate'] });
    expect(ritas.items.map((w) => w.id)).toContain(workOrder.id);
    expect(ritas.items.every((w) => w.technician?.id === rita && w.status === 'estimate')).toBe(
      true,
    );
    const byStatus = await staff.workOrder.list.query({ status: ['paid', 'invoiced'], limit: 100 });
    expect(new Set(byStatus.items.map((w) => w.status))).toEqual(new Set(['paid', 'invoiced']));

    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page: Awaited<ReturnType<typeof staff.workOrder.list.query>> =
        await staff.workOrder.list.query({ customerId: aliceId, limit: 3, cursor });
      seen.push(...page.items.map((w) => w.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    const alices = await api.db.prisma.workOrder.findMany({
      where: { customerId: aliceId },
      orderBy: { id: 'desc' },
    });
    expect(seen).toEqual(alices.map((w) => w.id));

    const board = await staff.workOrder.board.query();
    expect(board.columns.map((column) => column.status)).toEqual([
      'estimate',
      'approved',
      'in_progress',
      'waiting_parts',
      'ready',
    ]);
    const card = board.columns[0]?.cards.find((c) => c.id === workOrder.id);
    expect(card).toMatchObject({
      number: workOrder.number,
      vehicle: { plate: vehicle.plate },
      customer: { id: aliceId, name: 'Alice Martin' },
      technician: { name: 'Rita Kowalski' },
      totalCents: 0,
      awaitingApproval: false,
      nextStatuses: ['cancelled'],
    });
    for (const column of board.columns) {
      const count = await api.db.prisma.workOrder.count({ where: { status: column.status } });
      expect(column.count).toBe(count);
      expect(column.cards.length).toBe(Math.min(count, 50));
      expect(column.cards.every((c) => c.status === column.status)).toBe(true);
    }
  });

  it('finds a work order by a new plate or a new customer name at once, on a warm cache', async () => {
    const owner = await staff.customer.create.mutate({ name: 'Renamed Later' });
    const { vehicle, workOrder } = await freshWorkOrder(owner.id);
    expect((await staff.workOrder.list.query({ search: 'NEWPL8' })).items).toEqual([]);
    expect((await staff.workOrder.list.query({ search: 'Zebedee' })).items).toEqual([]);
    await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: await versionOf(api, 'vehicle', vehicle.id),
      plate: 'NEWPL8',
    });
    expect((await staff.workOrder.list.query({ search: 'NEWPL8' })).items.map((w) => w.id)).toEqual(
      [workOrder.id],
    );
    // The plate's invalidation reached every searched list: warm this one again.
    expect((await staff.workOrder.list.query({ search: 'Zebedee' })).items).toEqual([]);
    await staff.customer.update.mutate({
      id: owner.id,
      version: owner.version,
      name: 'Zebedee Quill',
    });
    expect((await staff.workOrder.list.query({ search: 'Zebedee' })).items).toMatchObject([
      { id: workOrder.id, customer: { name: 'Zebedee Quill' }, vehicle: { plate: 'NEWPL8' } },
    ]);
  });

  it('caps a board column at 50 cards, the soonest promised first, and counts them all', async () => {
    const owner = await api.db.prisma.customer.create({ data: { name: 'Fleet Owner' } });
    const vehicle = await freshVehicle(api, owner.id);
    const soon = Date.UTC(2020, 0, 1);
    await api.db.prisma.workOrder.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        vehicleId: vehicle.id,
        customerId: owner.id,
        status: 'waiting_parts' as const,
        concern: `Fleet job ${index}`,
        odometerIn: vehicle.mileage,
        promisedAt: new Date(soon + (60 - index) * 60_000),
      })),
    });
    const column = (await staff.workOrder.board.query()).columns.find(
      (c) => c.status === 'waiting_parts',
    );
    const total = await api.db.prisma.workOrder.count({ where: { status: 'waiting_parts' } });
    expect(column?.count).toBe(total);
    expect(column?.cards).toHaveLength(50);
    expect(column?.cards.slice(0, 2).map((card) => card.concern)).toEqual([
      'Fleet job 59',
      'Fleet job 58',
    ]);
    // A move of a work order beyond the cards shown still reaches the (cached) board's counts.
    const beyond = await api.db.prisma.workOrder.findFirstOrThrow({
      where: { concern: 'Fleet job 0' },
    });
    await staff.workOrder.setStatus.mutate({ id: beyond.id, status: 'cancelled' });
    const after = (await staff.workOrder.board.query()).columns.find(
      (c) => c.status === 'waiting_parts',
    );
    expect(after?.count).toBe(total - 1);
    // So does a new promised time that brings one of them to the front.
    const later = await api.db.prisma.workOrder.findFirstOrThrow({
      where: { concern: 'Fleet job 1' },
    });
    await staff.workOrder.update.mutate({
      id: later.id,
      version: later.version,
      promisedAt: new Date(soon - 60_000),
    });
    const reordered = (await staff.workOrder.board.query()).columns.find(
      (c) => c.status === 'waiting_parts',
    );
    expect(reordered?.cards[0]?.id).toBe(later.id);
  });

  it('serializes concurrent edits of one work order under its row lock', async () => {
    const { workOrder } = await freshWorkOrder();
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        staff.workOrder.addLine.mutate({
          workOrderId: workOrder.id,
          kind: 'part',
          description: `Part ${index}`,
          quantity: '1',
          unitPriceCents: 100,
        }),
      ),
    );
    const lines = await api.db.prisma.workOrderLine.findMany({
      where: { workOrderId: workOrder.id },
    });
    expect(lines.map((line) => line.position).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);

    await staff.workOrder.decideLines.mutate({
      workOrderId: workOrder.id,
      decisions: lines.map((line) => ({ lineId: line.id, approved: true })),
    });
    await staff.workOrder.setStatus.mutate({ id: workOrder.id, status: 'in_progress' });
    // Two staff press "ready" at once: the second sees it there already. Without the lock both
    // would read in_progress and both would write a status change.
    const results = await Promise.all([
      outcome(staff.workOrder.setStatus.mutate({ id: workOrder.id, status: 'ready' })),
      outcome(staff.workOrder.setStatus.mutate({ id: workOrder.id, status: 'ready' })),
    ]);
    expect(results.toSorted()).toEqual(['CONFLICT', 'OK']);
    const changes = await api.db.prisma.statusChange.count({
      where: { workOrderId: workOrder.id },
    });
    expect(changes).toBe(4);
  });

  it('keeps shop settings; admins change only the fields they name', async () => {
    const before = await staff.settings.get.query();
    const after = await admin.settings.update.mutate({
      phone: null,
      timeZone: 'europe/paris',
      currency: 'eur',
    });
    expect(after).toMatchObject({
      ...before,
      phone: '',
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      updatedAt: after.updatedAt,
    });
    expect(await staff.settings.get.query()).toEqual(after);
    expect(
      await fieldErrors(
        admin.settings.update.mutate({ timeZone: 'Mars/Olympus', currency: 'XYZ' }),
      ),
    ).toEqual({
      timeZone: ['is not a time zone (e.g. America/Chicago)'],
      currency: ['is not an ISO 4217 currency code (e.g. USD)'],
    });
    await admin.settings.update.mutate({
      phone: before.phone,
      timeZone: before.timeZone,
      currency: before.currency,
    });
  });

  it('decodes a VIN offline; an unknown one is null', async () => {
    expect(await staff.vehicle.decodeVin.query({ vin: '1HGCM82633A004352' })).toEqual({
      make: 'Honda',
      model: 'Accord',
      year: 2003,
    });
    expect(await staff.vehicle.decodeVin.query({ vin: '00000000000000000' })).toBeNull();
    expect(await fieldErrors(staff.vehicle.decodeVin.query({ vin: 'SHORT' }))).toEqual({
      vin: ['must be 17 characters (got 5)'],
    });
  });
});
