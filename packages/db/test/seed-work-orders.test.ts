import { createDatabase } from '@garage/test-services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../src/client';
import { seed } from '../src/seed/seed';

// The seeded work orders obey the work-order rules. Totals are recomputed here in SQL
// (PostgreSQL's round() on numeric rounds halves away from zero), independently of the seed.

let db: Database;
const now = new Date('2026-11-20T16:00:00Z');

beforeAll(async () => {
  db = await openDatabase({ url: await createDatabase(inject('postgresUrl')) });
  await db.migrate();
  await seed(db.prisma, { customers: 20, vehicles: 40, workOrders: 120, now });
});
afterAll(() => db.close());

async function totals() {
  const rows = await db.prisma.$queryRaw<{ id: number; total: bigint; paid: bigint }[]>`
    SELECT w."id",
      COALESCE((SELECT sum(net + round(net * l."taxRateBps" / 10000.0))
        FROM (SELECT round(l2."quantity" * l2."unitPriceCents") AS net, l2."taxRateBps", l2."id"
              FROM "WorkOrderLine" l2
              WHERE l2."workOrderId" = w."id" AND l2."approval" <> 'declined') AS l), 0)::bigint AS total,
      COALESCE((SELECT sum(p."amountCents") FROM "Payment" p WHERE p."workOrderId" = w."id"), 0)::bigint AS paid
    FROM "WorkOrder" w`;
  return new Map(rows.map((row) => [row.id, { total: Number(row.total), paid: Number(row.paid) }]));
}

describe('the seeded work orders', () => {
  it('hold every status, for alice, bob and generated customers alike', async () => {
    const rows = await db.prisma.workOrder.findMany({
      select: { status: true, customer: { select: { email: true } } },
    });
    const statuses = (filter: (email: string | null) => boolean) =>
      new Set(rows.filter((row) => filter(row.customer.email)).map((row) => row.status));
    const every = [
      'estimate',
      'approved',
      'in_progress',
      'waiting_parts',
      'ready',
      'invoiced',
      'paid',
      'cancelled',
    ];
    expect(
      [...statuses((email) => email === 'alice@garage.test' || email === 'bob@garage.test')].sort(),
    ).toEqual([...every].sort());
    expect([...statuses((email) => email?.endsWith('@example.com') ?? false)].sort()).toEqual(
      [...every].sort(),
    );
    expect(rows).toHaveLength(129);
  });

  it('have payments equal to the total when paid, and a balance left when invoiced', async () => {
    const amounts = await totals();
    const workOrders = await db.prisma.workOrder.findMany({ select: { id: true, status: true } });
    for (const { id, status } of workOrders) {
      const { total, paid } = amounts.get(id) ?? { total: -1, paid: -1 };
      if (status === 'paid') expect(paid, `work order ${id}`).toBe(total);
      else if (status === 'invoiced') expect(paid, `work order ${id}`).toBeLessThan(total);
      else expect(paid, `work order ${id}`).toBe(0);
    }
    // alice's ready brake job is DESIGN.md's example.
    const brakes = await db.prisma.workOrder.findFirstOrThrow({
      where: { status: 'ready', customer: { email: 'alice@garage.test' } },
    });
    expect(amounts.get(brakes.id)?.total).toBe(23_078);
  });

  it('number invoices 1..n without gaps, only on invoiced and paid ones, with the shop and bill-to snapshots', async () => {
    const invoiced = await db.prisma.workOrder.findMany({
      where: { invoiceNumber: { not: null } },
      select: {
        invoiceNumber: true,
        status: true,
        invoiceSettings: true,
        invoiceBillTo: true,
        invoicedAt: true,
        odometerIn: true,
        customer: { select: { name: true } },
        vehicle: { select: { plate: true } },
        payments: { select: { currency: true } },
      },
      orderBy: { invoiceNumber: 'asc' },
    });
    expect(invoiced.map((row) => row.invoiceNumber)).toEqual(invoiced.map((_, k) => k + 1));
    for (const row of invoiced) {
      expect(['invoiced', 'paid']).toContain(row.status);
      expect(row.invoiceSettings).toMatchObject({ defaultTaxRateBps: 825, currency: 'USD' });
      expect(row.invoiceBillTo).toMatchObject({
        customer: { name: row.customer.name },
        vehicle: { plate: row.vehicle.plate },
        odometerIn: row.odometerIn,
      });
      expect(row.invoicedAt).not.toBeNull();
      for (const payment of row.payments) expect(payment.currency).toBe('USD');
    }
    const counter = await db.prisma.invoiceCounter.findUniqueOrThrow({ where: { id: 1 } });
    expect(counter.last).toBe(invoiced.length);
  });

  it('walk the workflow in their status history, and decide lines as the status requires', async () => {
    const workOrders = await db.prisma.workOrder.findMany({
      include: { statusChanges: { orderBy: { id: 'asc' } }, lines: true },
    });
    const allowed = new Set([
      'null>estimate',
      'estimate>approved',
      'estimate>cancelled',
      'approved>in_progress',
      'approved>cancelled',
      'in_progress>waiting_parts',
      'in_progress>ready',
      'waiting_parts>in_progress',
      'waiting_parts>ready',
      'ready>invoiced',
      'invoiced>paid',
    ]);
    for (const workOrder of workOrders) {
      const changes = workOrder.statusChanges;
      expect(changes[0]?.from).toBeNull();
      expect(changes.at(-1)?.to).toBe(workOrder.status);
      for (const [k, change] of changes.entries()) {
        expect(
          allowed.has(`${change.from}>${change.to}`),
          `${workOrder.number}: ${change.from}>${change.to}`,
        ).toBe(true);
        if (k > 0) {
          expect(change.from).toBe(changes[k - 1]?.to);
          expect(change.at.getTime()).toBeGreaterThan(changes[k - 1]?.at.getTime() ?? 0);
        }
        expect(change.at.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      const approvals = workOrder.lines.map((line) => line.approval);
      if (workOrder.status === 'estimate') expect(new Set(approvals)).toEqual(new Set(['pending']));
      if (['ready', 'invoiced', 'paid'].includes(workOrder.status)) {
        expect(approvals).not.toContain('pending');
        expect(approvals).toContain('approved');
      }
      for (const line of workOrder.lines) {
        expect(line.decidedAt === null).toBe(line.approval === 'pending');
        expect(line.decisionChannel === null).toBe(line.approval === 'pending');
      }
    }
  });

  it("include one awaiting approval: bob's work in progress with a line added later", async () => {
    const workOrder = await db.prisma.workOrder.findFirstOrThrow({
      where: { status: 'in_progress', customer: { email: 'bob@garage.test' } },
      include: { lines: true },
    });
    expect(workOrder.lines.map((line) => line.approval)).toContain('pending');
    expect(workOrder.lines.map((line) => line.approval)).toContain('approved');
  });

  it("keep each vehicle's odometer log growing, its mileage the latest reading", async () => {
    const readings = await db.prisma.odometerReading.findMany({
      orderBy: [{ vehicleId: 'asc' }, { at: 'asc' }],
    });
    expect(readings.length).toBeGreaterThan(129);
    for (const [k, reading] of readings.entries()) {
      const previous = readings[k - 1];
      if (previous?.vehicleId === reading.vehicleId) {
        expect(reading.reading).toBeGreaterThanOrEqual(previous.reading);
      }
    }
    const vehicles = await db.prisma.vehicle.findMany({
      where: { odometerReadings: { some: {} } },
      include: { odometerReadings: { orderBy: { at: 'desc' }, take: 1 } },
    });
    for (const vehicle of vehicles)
      expect(vehicle.mileage).toBe(vehicle.odometerReadings[0]?.reading);
    const workOrders = await db.prisma.workOrder.findMany({
      where: { odometerOut: { not: null } },
    });
    for (const workOrder of workOrders)
      expect(workOrder.odometerOut).toBeGreaterThanOrEqual(workOrder.odometerIn);
  });

  it('assign technicians who are staff, and give each vehicle at most one open reminder', async () => {
    const technicians = await db.prisma.user.findMany({
      where: { assignedWorkOrders: { some: {} } },
    });
    expect(technicians.map((user) => user.email).sort()).toEqual([
      'rita@garage.test',
      'tom@garage.test',
    ]);
    for (const user of technicians)
      expect(user).toMatchObject({ role: 'staff', isTechnician: true });

    const open = await db.prisma.serviceReminder.groupBy({
      by: ['vehicleId'],
      where: { completedAt: null },
      _count: true,
    });
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.every((row) => row._count === 1)).toBe(true);
    const alice = await db.prisma.serviceReminder.findFirstOrThrow({
      where: { vehicle: { owner: { email: 'alice@garage.test' } }, completedAt: null },
    });
    expect(alice.dueDate?.toISOString().slice(0, 10)).toBe('2026-11-30');
  });

  it('sets the shop settings once, leaving later edits alone', async () => {
    await db.prisma.shopSettings.update({ where: { id: 1 }, data: { name: 'Renamed Garage' } });
    await seed(db.prisma, { customers: 20, vehicles: 40, workOrders: 120, now });
    expect((await db.prisma.shopSettings.findUniqueOrThrow({ where: { id: 1 } })).name).toBe(
      'Renamed Garage',
    );
  });
});
