import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { customerIdOf, freshVehicle } from './support/work-orders';

// Invoicing and payments through the real API on a real database: gapless invoice numbers under
// concurrency, read-only invoiced work orders, balances, and the customer's cached view.

describe('invoicing and payments', () => {
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

  /** Alice's work order in `status` with one approved line of `unitPriceCents` (no tax). */
  async function workOrderIn(status: 'ready' | 'in_progress', unitPriceCents = 10_000) {
    const vehicle = await freshVehicle(api, aliceId, 40_000);
    return api.db.prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId: aliceId,
        concern: 'Service',
        odometerIn: 40_000,
        status,
        lines: {
          create: {
            position: 1,
            kind: 'labor',
            description: 'Oil change',
            quantity: '1',
            unitPriceCents,
            taxRateBps: 0,
            approval: 'approved',
          },
        },
      },
      include: { lines: true },
    });
  }

  const lastNumber = async () =>
    (await api.db.prisma.invoiceCounter.findUnique({ where: { id: 1 } }))?.last ?? 0;

  it('invoices ready work orders with the next numbers, one after the other', async () => {
    const before = await lastNumber();
    const first = await staff.workOrder.invoice.mutate({ id: (await workOrderIn('ready')).id });
    const second = await staff.workOrder.invoice.mutate({ id: (await workOrderIn('ready')).id });
    expect([first.invoiceNumber, second.invoiceNumber]).toEqual([before + 1, before + 2]);
    expect(first.status).toBe('invoiced');
    expect(first.invoicedAt).toBeInstanceOf(Date);
    expect(first.statusHistory.at(-1)).toMatchObject({ from: 'ready', to: 'invoiced' });
    const row = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.invoiceSettings).toMatchObject({ name: expect.any(String) });
  });

  it('refuses to invoice from another status with CONFLICT naming it, and keeps the number', async () => {
    const before = await lastNumber();
    const workOrder = await workOrderIn('in_progress');
    const call = staff.workOrder.invoice.mutate({ id: workOrder.id });
    await expect(call).rejects.toThrow(/in_progress/);
    expect(await outcome(staff.workOrder.invoice.mutate({ id: workOrder.id }))).toBe('CONFLICT');
    expect(await lastNumber()).toBe(before);
  });

  it('gives 10 concurrent invoices the next 10 numbers, without gaps or repeats', async () => {
    const before = await lastNumber();
    const workOrders = await Promise.all(Array.from({ length: 10 }, () => workOrderIn('ready')));
    const invoiced = await Promise.all(
      workOrders.map((workOrder) => staff.workOrder.invoice.mutate({ id: workOrder.id })),
    );
    const numbers = invoiced.map((w) => w.invoiceNumber).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => before + i + 1));
  });

  it('gives the number back when invoicing fails after taking it: the next invoice has it', async () => {
    const before = await lastNumber();
    // A work order holding the next number already (written outside the API) makes the
    // invoice's write fail after the counter moved.
    const squatter = await workOrderIn('ready');
    await api.db.prisma.workOrder.update({
      where: { id: squatter.id },
      data: { status: 'invoiced', invoiceNumber: before + 1, invoicedAt: new Date() },
    });
    const workOrder = await workOrderIn('ready');
    expect(await outcome(staff.workOrder.invoice.mutate({ id: workOrder.id }))).not.toBe('OK');
    expect(await lastNumber()).toBe(before);
    expect(
      await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } }),
    ).toMatchObject({ status: 'ready', invoiceNumber: null, invoicedAt: null });

    await api.db.prisma.workOrder.update({
      where: { id: squatter.id },
      data: { invoiceNumber: 2_000_000_000 },
    });
    const invoiced = await staff.workOrder.invoice.mutate({ id: workOrder.id });
    expect(invoiced.invoiceNumber).toBe(before + 1);
  });

  it('makes an invoiced work order read-only, and says so in its answer', async () => {
    const workOrder = await workOrderIn('ready');
    expect((await staff.workOrder.byId.query({ id: workOrder.id })).editable).toBe(true);
    const invoiced = await staff.workOrder.invoice.mutate({ id: workOrder.id });
    expect(invoiced.editable).toBe(false);
    expect((await alice.workOrder.byId.query({ id: workOrder.id })).editable).toBe(false);
    const lineId = workOrder.lines[0]?.id ?? 0;
    expect(
      await outcome(staff.workOrder.updateLine.mutate({ id: lineId, version: 1, quantity: '2' })),
    ).toBe('CONFLICT');
    expect(
      await outcome(
        staff.workOrder.update.mutate({ id: workOrder.id, version: 1, notes: 'late note' }),
      ),
    ).toBe('CONFLICT');
  });

  it('sends a zero total straight to paid', async () => {
    const workOrder = await workOrderIn('ready', 0);
    const invoiced = await staff.workOrder.invoice.mutate({ id: workOrder.id });
    expect(invoiced.status).toBe('paid');
    expect(invoiced.paidAt).toBeInstanceOf(Date);
  });

  it('sets the next service, completing the open reminder', async () => {
    const first = await workOrderIn('ready');
    const date = '2027-06-01';
    await staff.workOrder.invoice.mutate({ id: first.id, nextService: { mileage: 50_000 } });
    const second = await api.db.prisma.workOrder.create({
      data: {
        vehicleId: first.vehicleId,
        customerId: aliceId,
        concern: 'Again',
        odometerIn: 41_000,
        status: 'ready',
        lines: {
          create: {
            position: 1,
            kind: 'fee',
            description: 'Check',
            quantity: '1',
            unitPriceCents: 500,
            taxRateBps: 0,
            approval: 'approved',
          },
        },
      },
    });
    await staff.workOrder.invoice.mutate({ id: second.id, nextService: { date } });
    const reminders = await api.db.prisma.serviceReminder.findMany({
      where: { vehicleId: first.vehicleId },
      orderBy: { id: 'asc' },
    });
    expect(reminders.map((r) => [r.dueMileage, r.completedAt !== null])).toEqual([
      [50_000, true],
      [null, false],
    ]);
  });

  it('takes partial payments, then moves to paid when the balance reaches 0', async () => {
    const workOrder = await workOrderIn('ready');
    expect(
      await outcome(
        staff.workOrder.addPayment.mutate({
          workOrderId: workOrder.id,
          amountCents: 100,
          method: 'cash',
        }),
      ),
    ).toBe('CONFLICT');
    await staff.workOrder.invoice.mutate({ id: workOrder.id });
    const part = await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 4_000,
      method: 'card',
    });
    expect([part.status, part.balanceCents, part.payments.length]).toEqual(['invoiced', 6_000, 1]);
    const rest = await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 6_000,
      method: 'transfer',
    });
    expect([rest.status, rest.balanceCents]).toEqual(['paid', 0]);
    expect(rest.paidAt).toBeInstanceOf(Date);
    expect(rest.statusHistory.at(-1)).toMatchObject({ from: 'invoiced', to: 'paid' });
  });

  it('refuses an overpayment with BAD_REQUEST naming amountCents, writing nothing', async () => {
    const workOrder = await workOrderIn('ready');
    await staff.workOrder.invoice.mutate({ id: workOrder.id });
    const call = staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 10_001,
      method: 'cash',
    });
    expect(await outcome(call)).toBe('BAD_REQUEST');
    await expect(call).rejects.toThrow(/amountCents/);
    expect(await api.db.prisma.payment.count({ where: { workOrderId: workOrder.id } })).toBe(0);
  });

  it('rejects unknown payment methods and keys, naming them', async () => {
    const errors = await fieldErrors(
      staff.workOrder.addPayment.mutate({
        workOrderId: 1,
        amountCents: 1,
        // @ts-expect-error: a method the API does not know
        method: 'bitcoin',
      }),
    );
    expect(Object.keys(errors)).toContain('method');
  });

  it('lets neither a customer nor anyone signed out invoice or pay', async () => {
    const workOrder = await workOrderIn('ready');
    const anonymous = api.anonymous();
    expect(await outcome(alice.workOrder.invoice.mutate({ id: workOrder.id }))).toBe('FORBIDDEN');
    expect(await outcome(anonymous.workOrder.invoice.mutate({ id: workOrder.id }))).toBe(
      'UNAUTHORIZED',
    );
    await staff.workOrder.invoice.mutate({ id: workOrder.id });
    const payment = { workOrderId: workOrder.id, amountCents: 1, method: 'cash' } as const;
    expect(await outcome(alice.workOrder.addPayment.mutate(payment))).toBe('FORBIDDEN');
    expect(await outcome(anonymous.workOrder.addPayment.mutate(payment))).toBe('UNAUTHORIZED');
    expect(await api.db.prisma.payment.count({ where: { workOrderId: workOrder.id } })).toBe(0);
  });

  it("reaches the customer's cached work order at once after invoicing and a payment", async () => {
    const workOrder = await workOrderIn('ready');
    expect((await alice.workOrder.byId.query({ id: workOrder.id })).status).toBe('ready');
    await staff.workOrder.invoice.mutate({ id: workOrder.id });
    const invoiced = await alice.workOrder.byId.query({ id: workOrder.id });
    expect([invoiced.status, invoiced.balanceCents]).toEqual(['invoiced', 10_000]);
    await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 2_500,
      method: 'cash',
    });
    const paidPart = await alice.workOrder.byId.query({ id: workOrder.id });
    expect([paidPart.balanceCents, paidPart.payments.length]).toEqual([7_500, 1]);
  });
});
