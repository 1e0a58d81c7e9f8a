import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { customerIdOf, workOrderWithLine } from './support/work-orders';

// Issue 22: changing the shop's currency relabelled issued invoices ($483.86 became €483.86).
// Every answer says which currency (and locale) its money is in: an invoiced work order, its
// payments and refunds keep the invoice's; an open one follows the settings, and its cached
// answers are refreshed when they change.

describe('the currency of documents', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice] = await Promise.all([api.as('staff'), api.as('admin'), api.as('alice')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  it('keeps an invoice, its payments and refunds in the currency it was issued in; open work orders follow the settings', async () => {
    const issued = await workOrderWithLine(api, aliceId);
    const open = await workOrderWithLine(api, aliceId, { status: 'in_progress' });
    await staff.workOrder.invoice.mutate({ id: issued.id });
    await staff.workOrder.addPayment.mutate({
      workOrderId: issued.id,
      amountCents: 4_000,
      method: 'card',
    });
    // Read (and cached) before the change.
    expect((await staff.workOrder.byId.query({ id: open.id })).money.currency).toBe('USD');
    expect((await alice.workOrder.byId.query({ id: open.id })).money.currency).toBe('USD');
    await alice.portal.myWorkOrders.query();
    await staff.workOrder.list.query({ vehicleId: open.vehicleId });

    await admin.settings.update.mutate({ currency: 'EUR' });
    try {
      await staff.workOrder.refund.mutate({
        workOrderId: issued.id,
        amountCents: 1_000,
        method: 'card',
        reason: 'goodwill',
      });
      const invoiced = await staff.workOrder.byId.query({ id: issued.id });
      expect(invoiced.money).toEqual({ currency: 'USD', locale: 'en-US', from: 'invoice' });
      expect(invoiced.payments.map((payment) => payment.currency)).toEqual(['USD']);
      expect(invoiced.refunds.map((refund) => refund.currency)).toEqual(['USD']);
      // A payment taken after the change is in the invoice's currency too.
      const later = await staff.workOrder.addPayment.mutate({
        workOrderId: issued.id,
        amountCents: 1_000,
        method: 'cash',
      });
      expect(later.payments.map((payment) => payment.currency)).toEqual(['USD', 'USD']);

      const expected = { [issued.id]: 'USD', [open.id]: 'EUR' };
      const mine = await alice.portal.myWorkOrders.query();
      for (const item of [...mine.open, ...mine.past].filter((each) => each.id in expected)) {
        expect(item.money.currency, `portal list ${item.number}`).toBe(expected[item.id]);
      }
      for (const vehicleId of [issued.vehicleId, open.vehicleId]) {
        const listed = await staff.workOrder.list.query({ vehicleId });
        const history = await alice.vehicle.history.query({ vehicleId });
        for (const item of [...listed.items, ...history.workOrders]) {
          expect(item.money.currency, `list ${item.number}`).toBe(expected[item.id]);
        }
      }
      expect((await staff.workOrder.byId.query({ id: open.id })).money).toEqual({
        currency: 'EUR',
        locale: 'en-US',
        from: 'settings',
      });
      expect((await alice.workOrder.byId.query({ id: open.id })).money.currency).toBe('EUR');
      const board = await staff.workOrder.board.query();
      const card = board.columns.flatMap((column) => column.cards).find((c) => c.id === open.id);
      expect(card?.money.currency).toBe('EUR');
    } finally {
      await admin.settings.update.mutate({ currency: 'USD' });
    }
  });

  it('answers the locale of the invoice when its snapshot has one', async () => {
    const issued = await workOrderWithLine(api, aliceId);
    await staff.workOrder.invoice.mutate({ id: issued.id });
    // As an invoice issued in a German shop records it.
    const row = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: issued.id } });
    await api.db.prisma.workOrder.update({
      where: { id: issued.id },
      data: {
        invoiceSettings: { ...(row.invoiceSettings as object), currency: 'EUR', locale: 'de-DE' },
      },
    });
    // Not read before: nothing of it is cached.
    const listed = await staff.workOrder.list.query({ vehicleId: issued.vehicleId });
    expect(listed.items[0]?.money).toEqual({ currency: 'EUR', locale: 'de-DE', from: 'invoice' });
    const read = await alice.workOrder.byId.query({ id: issued.id });
    expect(read.money).toEqual({ currency: 'EUR', locale: 'de-DE', from: 'invoice' });
  });
});
