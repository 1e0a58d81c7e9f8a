import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { customerIdOf, workOrderWithLine } from './support/work-orders';

// Voids and refunds through the real API on a real database: a payment is never edited or
// deleted, a void keeps it on record and stops it counting, a refund never gives back more than
// was paid, and the balance and the paid/invoiced status follow; concurrent attempts on one
// payment let exactly one through.

describe('voided payments and refunds', () => {
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

  /** An invoiced work order of 100.00 with these payments taken (cents). */
  async function invoicedWith(...payments: number[]) {
    const workOrder = await workOrderWithLine(api, aliceId);
    await staff.workOrder.invoice.mutate({ id: workOrder.id });
    for (const amountCents of payments) {
      await staff.workOrder.addPayment.mutate({
        workOrderId: workOrder.id,
        amountCents,
        method: 'card',
      });
    }
    return staff.workOrder.byId.query({ id: workOrder.id });
  }

  const paymentRows = (workOrderId: number) =>
    api.db.prisma.payment.findMany({ where: { workOrderId }, orderBy: { id: 'asc' } });

  it('voids a payment of a paid work order: the row stays, it no longer counts, and the work order is invoiced again', async () => {
    const paid = await invoicedWith(5_000, 5_000);
    expect(paid.status).toBe('paid');
    const [first, second] = paid.payments;
    const before = await paymentRows(paid.id);

    const voided = await staff.workOrder.voidPayment.mutate({
      paymentId: second?.id ?? 0,
      reason: 'typed 50 for 0.50',
    });

    expect(voided.status).toBe('invoiced');
    expect(voided.paidAt).toBeNull();
    expect([voided.paidCents, voided.balanceCents]).toEqual([5_000, 5_000]);
    expect(voided.statusMove).toEqual({ from: 'paid', to: 'invoiced' });
    expect(voided.payments.map((payment) => [payment.id, payment.voided?.reason ?? null])).toEqual([
      [first?.id, null],
      [second?.id, 'typed 50 for 0.50'],
    ]);
    expect(voided.payments[1]?.voided?.by?.name).toBe('Sam Staff');
    expect(voided.statusHistory.at(-1)).toMatchObject({
      from: 'paid',
      to: 'invoiced',
      note: `Payment ${second?.id} voided: typed 50 for 0.50`,
      by: { name: 'Sam Staff' },
    });
    expect(voided.audit.map((entry) => entry.kind)).toEqual([
      'payment',
      'payment',
      'payment_voided',
    ]);
    // The payment rows are exactly as they were recorded.
    expect(await paymentRows(paid.id)).toEqual(before);
    // The customer sees it too, at once.
    const seen = await alice.workOrder.byId.query({ id: paid.id });
    expect([seen.status, seen.balanceCents, seen.payments[1]?.voided?.reason]).toEqual([
      'invoiced',
      5_000,
      'typed 50 for 0.50',
    ]);
    // The balance can be paid again, and the work order is paid again.
    const repaid = await staff.workOrder.addPayment.mutate({
      workOrderId: paid.id,
      amountCents: 5_000,
      method: 'cash',
    });
    expect([repaid.status, repaid.balanceCents]).toEqual(['paid', 0]);
  });

  it('refuses to void a payment twice, or one with refunds against it, with CONFLICT; nothing is written', async () => {
    const invoiced = await invoicedWith(3_000, 2_000);
    const [first, second] = invoiced.payments.map((payment) => payment.id);
    await staff.workOrder.voidPayment.mutate({ paymentId: first ?? 0, reason: 'card declined' });
    expect(
      await outcome(staff.workOrder.voidPayment.mutate({ paymentId: first ?? 0, reason: 'again' })),
    ).toBe('CONFLICT');
    await staff.workOrder.refund.mutate({
      workOrderId: invoiced.id,
      paymentId: second,
      amountCents: 500,
      method: 'card',
      reason: 'goodwill',
    });
    const call = staff.workOrder.voidPayment.mutate({ paymentId: second ?? 0, reason: 'oops' });
    expect(await outcome(call)).toBe('CONFLICT');
    await expect(call).rejects.toThrow(/has refunds against it/);
    expect(await api.db.prisma.paymentVoid.count({ where: { paymentId: second } })).toBe(0);
    expect(
      await outcome(staff.workOrder.voidPayment.mutate({ paymentId: 2_000_000_000, reason: 'x' })),
    ).toBe('NOT_FOUND');
  });

  it('refunds never more than was paid net of voids and earlier refunds, naming amountCents', async () => {
    const invoiced = await invoicedWith(6_000, 4_000);
    const [first, second] = invoiced.payments.map((payment) => payment.id);
    const refund = (amountCents: number, paymentId?: number) =>
      staff.workOrder.refund.mutate({
        workOrderId: invoiced.id,
        ...(paymentId === undefined ? {} : { paymentId }),
        amountCents,
        method: 'cash',
        reason: 'returned part',
      });
    const refusedBy = async (call: Promise<unknown>) => {
      const count = await api.db.prisma.refund.count({ where: { workOrderId: invoiced.id } });
      const errors = await fieldErrors(call);
      expect(await api.db.prisma.refund.count({ where: { workOrderId: invoiced.id } })).toBe(count);
      return Object.keys(errors);
    };

    // The paid work order owes again once money is given back.
    const afterFirst = await refund(1_000, first);
    expect([afterFirst.status, afterFirst.paidCents, afterFirst.balanceCents]).toEqual([
      'invoiced',
      9_000,
      1_000,
    ]);
    expect(afterFirst.statusHistory.at(-1)).toMatchObject({ from: 'paid', to: 'invoiced' });
    expect(afterFirst.payments.map((payment) => payment.refundableCents)).toEqual([5_000, 4_000]);
    expect(await refusedBy(refund(5_001, first))).toEqual(['amountCents']);
    await staff.workOrder.voidPayment.mutate({ paymentId: second ?? 0, reason: 'bounced' });
    // Voided: nothing of it to refund; the work order has 5,000 left (6,000 less 1,000).
    expect(await refusedBy(refund(1, second))).toEqual(['paymentId']);
    expect(await refusedBy(refund(5_001))).toEqual(['amountCents']);
    const rest = await refund(5_000);
    expect([rest.paidCents, rest.refundableCents, rest.balanceCents]).toEqual([0, 0, 10_000]);
    expect(await refusedBy(refund(1))).toEqual(['amountCents']);
    expect(rest.refunds.map((each) => [each.paymentId, each.amountCents, each.currency])).toEqual([
      [first, 1_000, 'USD'],
      [null, 5_000, 'USD'],
    ]);
    expect(rest.audit.map((entry) => entry.kind)).toEqual([
      'payment',
      'payment',
      'refund',
      'payment_voided',
      'refund',
    ]);
  });

  it('refuses a refund on a work order nothing was paid on, and refunds of a foreign payment', async () => {
    const invoiced = await invoicedWith();
    const other = await invoicedWith(1_000);
    const call = (request: { paymentId?: number; amountCents: number }) =>
      staff.workOrder.refund.mutate({
        workOrderId: invoiced.id,
        method: 'card',
        reason: 'why not',
        ...request,
      });
    expect(Object.keys(await fieldErrors(call({ amountCents: 1 })))).toEqual(['amountCents']);
    expect(
      Object.keys(await fieldErrors(call({ paymentId: other.payments[0]?.id, amountCents: 1 }))),
    ).toEqual(['paymentId']);
    expect(
      await outcome(
        staff.workOrder.refund.mutate({
          workOrderId: 2_000_000_000,
          amountCents: 1,
          method: 'cash',
          reason: 'none',
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('lets exactly one of two parallel voids of one payment through', async () => {
    for (let round = 0; round < 5; round++) {
      const paid = await invoicedWith(10_000);
      const paymentId = paid.payments[0]?.id ?? 0;
      const outcomes = await Promise.all(
        ['first', 'second'].map((reason) =>
          outcome(staff.workOrder.voidPayment.mutate({ paymentId, reason })),
        ),
      );
      expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
      expect(await api.db.prisma.paymentVoid.count({ where: { paymentId } })).toBe(1);
      const row = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: paid.id } });
      expect(row.status).toBe('invoiced');
      expect(
        await api.db.prisma.statusChange.count({ where: { workOrderId: paid.id, to: 'invoiced' } }),
      ).toBe(2);
    }
  });

  it('lets exactly one of two parallel refunds through when together they exceed the payment', async () => {
    for (let round = 0; round < 5; round++) {
      const paid = await invoicedWith(10_000);
      const paymentId = paid.payments[0]?.id ?? 0;
      const outcomes = await Promise.all(
        [6_000, 7_000].map((amountCents) =>
          outcome(
            staff.workOrder.refund.mutate({
              workOrderId: paid.id,
              paymentId,
              amountCents,
              method: 'card',
              reason: 'race',
            }),
          ),
        ),
      );
      expect(outcomes.sort()).toEqual(['BAD_REQUEST', 'OK']);
      const refunded = await api.db.prisma.refund.aggregate({
        where: { paymentId },
        _sum: { amountCents: true },
      });
      expect([6_000, 7_000]).toContain(refunded._sum.amountCents);
    }
  });

  it('lets exactly one of a parallel void and refund of one payment through', async () => {
    for (let round = 0; round < 5; round++) {
      const paid = await invoicedWith(10_000);
      const paymentId = paid.payments[0]?.id ?? 0;
      const outcomes = await Promise.all([
        outcome(staff.workOrder.voidPayment.mutate({ paymentId, reason: 'void' })),
        outcome(
          staff.workOrder.refund.mutate({
            workOrderId: paid.id,
            paymentId,
            amountCents: 10_000,
            method: 'card',
            reason: 'refund',
          }),
        ),
      ]);
      expect(outcomes.filter((each) => each === 'OK')).toHaveLength(1);
      const [voids, refunds] = await Promise.all([
        api.db.prisma.paymentVoid.count({ where: { paymentId } }),
        api.db.prisma.refund.count({ where: { paymentId } }),
      ]);
      expect(voids + refunds).toBe(1);
    }
  });

  it('keeps a work order with money on it from being cancelled until it is refunded', async () => {
    const paid = await invoicedWith(10_000);
    const credited = await staff.workOrder.creditInvoice.mutate({ id: paid.id, reason: 'wrong' });
    expect(credited.status).toBe('ready');
    expect(credited.nextStatuses).toEqual(['in_progress']);
    const call = staff.workOrder.setStatus.mutate({ id: paid.id, status: 'cancelled' });
    expect(await outcome(call)).toBe('CONFLICT');
    await expect(call).rejects.toThrow(/10000 cents were paid on it: refund them first/);
    await staff.workOrder.refund.mutate({
      workOrderId: paid.id,
      amountCents: 10_000,
      method: 'card',
      reason: 'customer took the car elsewhere',
    });
    const cancelled = await staff.workOrder.setStatus.mutate({ id: paid.id, status: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
  });

  it('lets neither a customer nor anyone signed out void or refund', async () => {
    const paid = await invoicedWith(10_000);
    const paymentId = paid.payments[0]?.id ?? 0;
    const refund = {
      workOrderId: paid.id,
      amountCents: 100,
      method: 'cash',
      reason: 'mine',
    } as const;
    for (const [client, code] of [
      [alice, 'FORBIDDEN'],
      [api.anonymous(), 'UNAUTHORIZED'],
    ] as const) {
      expect(await outcome(client.workOrder.voidPayment.mutate({ paymentId, reason: 'x' }))).toBe(
        code,
      );
      expect(await outcome(client.workOrder.refund.mutate(refund))).toBe(code);
    }
    expect(await api.db.prisma.refund.count({ where: { workOrderId: paid.id } })).toBe(0);
    expect(await api.db.prisma.paymentVoid.count({ where: { paymentId } })).toBe(0);
  });

  it('requires a reason: blank is BAD_REQUEST naming it', async () => {
    const paid = await invoicedWith(10_000);
    const errors = await fieldErrors(
      staff.workOrder.voidPayment.mutate({ paymentId: paid.payments[0]?.id ?? 0, reason: '  ' }),
    );
    expect(Object.keys(errors)).toEqual(['reason']);
  });
});
