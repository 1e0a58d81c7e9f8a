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

// Credit notes through the real API on a real database: an issued invoice is never edited; a
// mistaken one is credited in full under a gapless number series of its own, the work order
// goes back to ready, and it is invoiced again under the next invoice number, the payments
// already taken counting toward it.

describe('credit notes', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  async function invoiced(unitPriceCents = 10_000) {
    const workOrder = await workOrderWithLine(api, aliceId, { unitPriceCents });
    return staff.workOrder.invoice.mutate({ id: workOrder.id });
  }
  const counters = async () => {
    const [invoice, creditNote] = await Promise.all([
      api.db.prisma.invoiceCounter.findUnique({ where: { id: 1 } }),
      api.db.prisma.creditNoteCounter.findUnique({ where: { id: 1 } }),
    ]);
    return { invoice: invoice?.last ?? 0, creditNote: creditNote?.last ?? 0 };
  };

  it('credits an invoice in full: the next credit note number, the work order back to ready, its invoice kept on the note', async () => {
    const before = await counters();
    const issued = await invoiced();
    const credited = await staff.workOrder.creditInvoice.mutate({
      id: issued.id,
      reason: 'billed to the wrong address',
    });

    expect(credited.status).toBe('ready');
    expect([credited.invoiceNumber, credited.invoicedAt]).toEqual([null, null]);
    expect(credited.statusMove).toEqual({ from: 'invoiced', to: 'ready' });
    expect(credited.creditNotes).toEqual([
      expect.objectContaining({
        number: before.creditNote + 1,
        invoiceNumber: issued.invoiceNumber,
        totalCents: 10_000,
        currency: 'USD',
        reason: 'billed to the wrong address',
        issuedBy: expect.objectContaining({ name: 'Sam Staff' }),
      }),
    ]);
    expect(credited.statusHistory.at(-1)).toMatchObject({
      from: 'invoiced',
      to: 'ready',
      note: `Invoice ${issued.invoiceNumber} credited by credit note ${before.creditNote + 1}: billed to the wrong address`,
    });
    expect(credited.audit.at(-1)).toMatchObject({
      kind: 'credit_note',
      number: before.creditNote + 1,
    });
    const note = await api.db.prisma.creditNote.findFirstOrThrow({
      where: { workOrderId: issued.id },
    });
    expect(note.invoice).toMatchObject({
      number: issued.invoiceNumber,
      workOrderNumber: issued.number,
      shop: { currency: 'USD' },
      billTo: { customer: { name: expect.stringContaining('Alice') } },
      lines: [{ description: 'Oil change', netCents: 10_000 }],
      totals: { totalCents: 10_000 },
    });

    // Open again: its lines can be corrected, and it is invoiced under the next number.
    const line = credited.lines[0];
    await staff.workOrder.updateLine.mutate({
      id: line?.id ?? 0,
      version: line?.version ?? 0,
      description: 'Oil change, 5W-30',
    });
    const reissued = await staff.workOrder.invoice.mutate({ id: issued.id });
    expect(reissued.invoiceNumber).toBe(before.invoice + 2);
    expect(reissued.statusHistory.at(-1)).toMatchObject({
      from: 'ready',
      to: 'invoiced',
      note: `Invoice ${before.invoice + 2}`,
    });
  });

  it('numbers credit notes without gaps beside invoices, each series its own', async () => {
    const before = await counters();
    const first = await invoiced();
    const firstNote = await staff.workOrder.creditInvoice.mutate({ id: first.id, reason: 'a' });
    const second = await invoiced();
    const again = await staff.workOrder.invoice.mutate({ id: first.id });
    const secondNote = await staff.workOrder.creditInvoice.mutate({ id: second.id, reason: 'b' });
    const thirdNote = await staff.workOrder.creditInvoice.mutate({ id: first.id, reason: 'c' });
    expect([first.invoiceNumber, second.invoiceNumber, again.invoiceNumber]).toEqual([
      before.invoice + 1,
      before.invoice + 2,
      before.invoice + 3,
    ]);
    expect(
      [firstNote, secondNote, thirdNote].map((each) => each.creditNotes.at(-1)?.number),
    ).toEqual([before.creditNote + 1, before.creditNote + 2, before.creditNote + 3]);
    expect(thirdNote.creditNotes.map((each) => each.invoiceNumber)).toEqual([
      before.invoice + 1,
      before.invoice + 3,
    ]);
  });

  it('gives 8 concurrent credit notes the next 8 numbers; of two on one invoice, one wins', async () => {
    const before = await counters();
    const issued = await Promise.all(Array.from({ length: 8 }, () => invoiced()));
    const notes = await Promise.all(
      issued.map((each) => staff.workOrder.creditInvoice.mutate({ id: each.id, reason: 'batch' })),
    );
    expect(
      notes.map((each) => each.creditNotes[0]?.number).sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual(Array.from({ length: 8 }, (_, k) => before.creditNote + k + 1));
    const contested = await invoiced();
    const outcomes = await Promise.all(
      ['one', 'two'].map((reason) =>
        outcome(staff.workOrder.creditInvoice.mutate({ id: contested.id, reason })),
      ),
    );
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    expect(await api.db.prisma.creditNote.count({ where: { workOrderId: contested.id } })).toBe(1);
    expect((await counters()).creditNote).toBe(before.creditNote + 9);
  });

  it('gives the number back when crediting fails after taking it: the next credit note has it', async () => {
    const issued = await invoiced();
    const before = await counters();
    // A credit note holding the next number already (written outside the API) makes the
    // credit's write fail after the counter moved.
    const squatter = await api.db.prisma.creditNote.create({
      data: {
        number: before.creditNote + 1,
        workOrderId: issued.id,
        invoiceNumber: 2_000_000_001,
        totalCents: 0,
        currency: 'USD',
        invoice: {},
        reason: 'squatter',
      },
    });
    expect(
      await outcome(staff.workOrder.creditInvoice.mutate({ id: issued.id, reason: 'fails' })),
    ).not.toBe('OK');
    expect(await counters()).toEqual(before);
    const row = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: issued.id } });
    expect([row.status, row.invoiceNumber]).toEqual(['invoiced', issued.invoiceNumber]);

    await api.db.prisma.creditNote.update({
      where: { id: squatter.id },
      data: { number: 2_000_000_001 },
    });
    const credited = await staff.workOrder.creditInvoice.mutate({ id: issued.id, reason: 'ok' });
    // The squatter was issued first: the work order lists its credit notes oldest first.
    expect(credited.creditNotes.map((each) => each.number)).toEqual([
      2_000_000_001,
      before.creditNote + 1,
    ]);
  });

  it('credits only an invoiced or paid work order: anything else is a CONFLICT naming its status', async () => {
    const ready = await workOrderWithLine(api, aliceId);
    const call = staff.workOrder.creditInvoice.mutate({
      id: ready.id,
      reason: 'nothing to credit',
    });
    expect(await outcome(call)).toBe('CONFLICT');
    await expect(call).rejects.toThrow(/work order is ready: cannot move to ready/);
    expect(
      await outcome(staff.workOrder.creditInvoice.mutate({ id: 2_000_000_000, reason: 'x' })),
    ).toBe('NOT_FOUND');
    expect(
      Object.keys(
        await fieldErrors(staff.workOrder.creditInvoice.mutate({ id: ready.id, reason: '' })),
      ),
    ).toEqual(['reason']);
    expect(await api.db.prisma.creditNote.count({ where: { workOrderId: ready.id } })).toBe(0);
  });

  it('keeps payments on the work order: they count toward the next invoice, and must fit it', async () => {
    const issued = await invoiced();
    const paid = await staff.workOrder.addPayment.mutate({
      workOrderId: issued.id,
      amountCents: 10_000,
      method: 'card',
    });
    expect(paid.status).toBe('paid');
    const credited = await staff.workOrder.creditInvoice.mutate({ id: issued.id, reason: 'price' });
    expect(credited.statusMove).toEqual({ from: 'paid', to: 'ready' });
    expect([credited.paidAt, credited.paidCents, credited.payments.length]).toEqual([
      null,
      10_000,
      1,
    ]);

    // The corrected price is lower than what was paid: the difference is refunded first.
    await staff.workOrder.updateLine.mutate({
      id: credited.lines[0]?.id ?? 0,
      version: credited.lines[0]?.version ?? 0,
      unitPriceCents: 8_000,
    });
    await staff.workOrder.decideLines.mutate({
      workOrderId: issued.id,
      decisions: [{ lineId: credited.lines[0]?.id ?? 0, approved: true }],
    });
    const tooMuch = staff.workOrder.invoice.mutate({ id: issued.id });
    expect(await outcome(tooMuch)).toBe('CONFLICT');
    await expect(tooMuch).rejects.toThrow(
      /10000 cents already paid on it are more than its total of 8000 cents/,
    );
    await staff.workOrder.refund.mutate({
      workOrderId: issued.id,
      amountCents: 2_000,
      method: 'card',
      reason: 'price corrected',
    });
    // What was paid covers the new invoice: it is issued and paid at once.
    const reissued = await staff.workOrder.invoice.mutate({ id: issued.id });
    expect([reissued.status, reissued.balanceCents, reissued.paidCents]).toEqual([
      'paid',
      0,
      8_000,
    ]);
    expect(reissued.statusHistory.slice(-2).map((change) => change.to)).toEqual([
      'invoiced',
      'paid',
    ]);
  });

  it('refuses to carry payments into an invoice in another currency until they are refunded', async () => {
    const issued = await invoiced();
    await staff.workOrder.addPayment.mutate({
      workOrderId: issued.id,
      amountCents: 4_000,
      method: 'cash',
    });
    await staff.workOrder.creditInvoice.mutate({ id: issued.id, reason: 'wrong currency' });
    await admin.settings.update.mutate({ currency: 'EUR' });
    try {
      const call = staff.workOrder.invoice.mutate({ id: issued.id });
      expect(await outcome(call)).toBe('CONFLICT');
      await expect(call).rejects.toThrow(
        /4000 cents paid in USD stay on it, and the shop now invoices in EUR/,
      );
      const refunded = await staff.workOrder.refund.mutate({
        workOrderId: issued.id,
        amountCents: 4_000,
        method: 'cash',
        reason: 'repay in euros',
      });
      expect(refunded.refunds[0]?.currency).toBe('USD');
      const reissued = await staff.workOrder.invoice.mutate({ id: issued.id });
      expect([reissued.status, reissued.money.currency, reissued.balanceCents]).toEqual([
        'invoiced',
        'EUR',
        10_000,
      ]);
    } finally {
      await admin.settings.update.mutate({ currency: 'USD' });
    }
  });

  it('lets neither a customer nor anyone signed out credit an invoice', async () => {
    const issued = await invoiced();
    const alice = await api.as('alice');
    expect(
      await outcome(alice.workOrder.creditInvoice.mutate({ id: issued.id, reason: 'x' })),
    ).toBe('FORBIDDEN');
    expect(
      await outcome(api.anonymous().workOrder.creditInvoice.mutate({ id: issued.id, reason: 'x' })),
    ).toBe('UNAUTHORIZED');
    expect(await api.db.prisma.creditNote.count({ where: { workOrderId: issued.id } })).toBe(0);
  });
});
