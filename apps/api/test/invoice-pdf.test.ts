import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { pdfText } from './support/pdf-text';
import { callRaw } from './support/raw';
import { versionOf } from './support/versions';
import { customerIdOf, freshVehicle } from './support/work-orders';

// GET /invoices/<workOrderId>.pdf through the real HTTP server: the PDF parsed back holds the
// invoice; staff, admins and the work order's customer get it; everyone else signed in gets one
// and the same 404, whatever the reason, and signed-out callers a 401.

type Who = 'staff' | 'admin' | 'alice' | 'bob';

describe('GET /invoices/<workOrderId>.pdf', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  const cookies = {} as Record<Who, string>;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
    aliceId = await customerIdOf(api, 'alice');
    for (const who of ['staff', 'admin', 'alice', 'bob'] as const) {
      const login = await callRaw(api.base, ['auth.login'], {
        method: 'POST',
        inputs: [{ email: `${who}@garage.test`, password: 'garage-demo' }],
      });
      cookies[who] = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
    // Money and dates as the shop writes them: euros, on a clock 14 hours ahead of UTC.
    await admin.settings.update.mutate({
      name: 'Harbour Garage',
      address: '12 Quay Street, Portsmouth',
      phone: '+1 555 010 0200',
      currency: 'EUR',
      timeZone: 'Pacific/Kiritimati',
    });
  });
  afterAll(() => api.stop());

  const get = (path: string, who?: Who) =>
    fetch(`${api.base}${path}`, { headers: who ? { cookie: cookies[who] } : {} });
  const invoicePdf = (workOrderId: number | string, who?: Who) =>
    get(`/invoices/${workOrderId}.pdf`, who);
  const textOf = async (response: Response) =>
    pdfText(new Uint8Array(await response.arrayBuffer()));

  /**
   * Alice's ready work order with the design's example lines (total 230.78) and a declined
   * line, written straight to the database.
   */
  async function readyWorkOrder() {
    const vehicle = await freshVehicle(api, aliceId, 41_250);
    const approved = { approval: 'approved' } as const;
    return api.db.prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId: aliceId,
        concern: 'Brakes squeal',
        odometerIn: 41_250,
        status: 'ready',
        lines: {
          create: [
            {
              ...approved,
              position: 1,
              kind: 'labor',
              description: 'Replace front pads',
              quantity: '1.5',
              unitPriceCents: 12_000,
              taxRateBps: 825,
            },
            {
              ...approved,
              position: 2,
              kind: 'part',
              description: 'Brake pad clip',
              quantity: '4',
              unitPriceCents: 749,
              taxRateBps: 825,
            },
            {
              ...approved,
              position: 3,
              kind: 'fee',
              description: 'Shop supplies',
              quantity: '1',
              unitPriceCents: 350,
              taxRateBps: 0,
            },
            {
              approval: 'declined',
              position: 4,
              kind: 'part',
              description: 'Wiper blades',
              quantity: '2',
              unitPriceCents: 1_500,
              taxRateBps: 825,
            },
          ],
        },
      },
      include: { vehicle: true },
    });
  }

  async function invoicedWorkOrder() {
    const workOrder = await readyWorkOrder();
    const invoiced = await staff.workOrder.invoice.mutate({ id: workOrder.id });
    return { ...workOrder, invoiceNumber: invoiced.invoiceNumber ?? 0 };
  }

  it('serves the invoice as a PDF holding its number, the shop, customer, vehicle, lines and totals', async () => {
    const workOrder = await invoicedWorkOrder();
    const response = await invoicePdf(workOrder.id, 'staff');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="invoice-${workOrder.invoiceNumber}.pdf"`,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');

    const text = await textOf(response);
    const row = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } });
    const invoicedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(
      row.invoicedAt ?? new Date(0),
    );
    for (const expected of [
      `Invoice no. ${workOrder.invoiceNumber}`,
      `Date: ${invoicedOn}`,
      workOrder.number,
      'Harbour Garage',
      '12 Quay Street, Portsmouth',
      '+1 555 010 0200',
      'Alice',
      `${workOrder.vehicle.year} ${workOrder.vehicle.make} ${workOrder.vehicle.model}`,
      `Plate: ${workOrder.vehicle.plate}`,
      `VIN: ${workOrder.vehicle.vin}`,
      'Odometer at intake: 41,250',
      'Replace front pads',
      '€120.00',
      '€180.00',
      '€29.96',
      '€213.46',
      '€17.32',
      '€230.78',
      'No payments yet.',
    ]) {
      expect(text).toContain(expected);
    }
    // A declined line is a recommendation, not a charge.
    expect(text).not.toContain('Wiper blades');
    expect(text).toMatch(/Balance due\s+€230\.78/);
  });

  it('shows the payments and the new balance after a payment', async () => {
    const workOrder = await invoicedWorkOrder();
    expect(await textOf(await invoicePdf(workOrder.id, 'alice'))).toMatch(/Balance due\s+€230\.78/);

    await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 10_000,
      method: 'card',
    });
    const text = await textOf(await invoicePdf(workOrder.id, 'alice'));
    expect(text).toMatch(/Card\s+€100\.00/);
    expect(text).toMatch(/Balance due\s+€130\.78/);
    expect(text).not.toContain('No payments yet.');
  });

  it('keeps the shop as it was when the invoice was made', async () => {
    const workOrder = await invoicedWorkOrder();
    await admin.settings.update.mutate({ name: 'Renamed Garage' });
    const text = await textOf(await invoicePdf(workOrder.id, 'staff'));
    expect(text).toContain('Harbour Garage');
    expect(text).not.toContain('Renamed Garage');
    await admin.settings.update.mutate({ name: 'Harbour Garage' });
  });

  it('keeps the currency it was issued in: a later change of the settings reaches neither it nor its payments', async () => {
    const workOrder = await invoicedWorkOrder();
    await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 3_078,
      method: 'cash',
    });
    await admin.settings.update.mutate({ currency: 'GBP' });
    try {
      const text = await textOf(await invoicePdf(workOrder.id, 'alice'));
      expect(text).toMatch(/Cash\s+€30\.78/);
      expect(text).toMatch(/Balance due\s+€200\.00/);
      expect(text).not.toContain('£');
    } finally {
      await admin.settings.update.mutate({ currency: 'EUR' });
    }
  });

  it('keeps the bill-to it was issued with: a renamed, moved customer and a new plate reach neither the invoice nor its credit note', async () => {
    const customer = await api.db.prisma.customer.create({
      data: {
        name: 'Grace Hopper',
        address: '1 Navy Yard, Arlington',
        email: 'grace@example.test',
      },
    });
    const vehicle = await freshVehicle(api, customer.id, 18_000);
    const ready = await api.db.prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId: customer.id,
        concern: 'Bug in the engine',
        odometerIn: 18_000,
        status: 'ready',
        lines: {
          create: {
            position: 1,
            kind: 'fee',
            description: 'Debugging',
            quantity: '1',
            unitPriceCents: 5_000,
            taxRateBps: 0,
            approval: 'approved',
          },
        },
      },
    });
    await staff.workOrder.invoice.mutate({ id: ready.id });
    await staff.customer.update.mutate({
      id: customer.id,
      version: await versionOf(api, 'customer', customer.id),
      name: 'Grace Brewster Murray',
      address: '7 Harbor Road, Annapolis',
      email: 'gbm@example.test',
    });
    await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: await versionOf(api, 'vehicle', vehicle.id),
      plate: 'NEW 123',
    });
    const invoiceText = await textOf(await invoicePdf(ready.id, 'staff'));
    for (const kept of ['Grace Hopper', '1 Navy Yard, Arlington', 'grace@example.test']) {
      expect(invoiceText).toContain(kept);
    }
    expect(invoiceText).toContain(`Plate: ${vehicle.plate}`);
    expect(invoiceText).toContain('Odometer at intake: 18,000');
    for (const changed of ['Brewster', 'Annapolis', 'gbm@', 'NEW 123']) {
      expect(invoiceText).not.toContain(changed);
    }
    const credited = await staff.workOrder.creditInvoice.mutate({ id: ready.id, reason: 'typo' });
    const noteText = await textOf(
      await get(`/credit-notes/${credited.creditNotes[0]?.id}.pdf`, 'staff'),
    );
    expect(noteText).toContain('Grace Hopper');
    expect(noteText).not.toContain('Brewster');
    // Invoiced again, it bills the customer as they are now.
    await staff.workOrder.invoice.mutate({ id: ready.id });
    const reissued = await textOf(await invoicePdf(ready.id, 'staff'));
    expect(reissued).toContain('Grace Brewster Murray');
    expect(reissued).toContain('Plate: NEW 123');
  });

  it('shows a voided payment marked void with its reason, and refunds, in the balance', async () => {
    const workOrder = await invoicedWorkOrder();
    const paid = await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 5_000,
      method: 'cash',
    });
    await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 10_000,
      method: 'card',
    });
    await staff.workOrder.voidPayment.mutate({
      paymentId: paid.payments[0]?.id ?? 0,
      reason: 'typed 50 for 0.50',
    });
    await staff.workOrder.refund.mutate({
      workOrderId: workOrder.id,
      amountCents: 1_000,
      method: 'card',
      reason: 'goodwill on the wait',
    });
    const text = await textOf(await invoicePdf(workOrder.id, 'alice'));
    expect(text).toMatch(/Cash\s+VOID \(\d{4}-\d{2}-\d{2}\): typed 50 for 0\.50\s+€50\.00/);
    expect(text).toMatch(/Refund, card: goodwill on the wait\s+-€10\.00/);
    expect(text).toMatch(/Paid\s+€90\.00/);
    expect(text).toMatch(/Balance due\s+€140\.78/);
  });

  it('shows a credited invoice with its credit note, the credit note itself, and the next invoice replacing it', async () => {
    const workOrder = await invoicedWorkOrder();
    await staff.workOrder.addPayment.mutate({
      workOrderId: workOrder.id,
      amountCents: 3_078,
      method: 'card',
    });
    const credited = await staff.workOrder.creditInvoice.mutate({
      id: workOrder.id,
      reason: 'wrong labour rate',
    });
    const note = credited.creditNotes[0];

    const creditedText = await textOf(await invoicePdf(workOrder.id, 'alice'));
    expect(creditedText).toContain('INVOICE (CREDITED)');
    expect(creditedText).toContain(`Invoice no. ${workOrder.invoiceNumber}`);
    expect(creditedText).toMatch(new RegExp(`Credit note no\\. ${note?.number}\\s+-€230\\.78`));
    expect(creditedText).toContain(`Credited in full by credit note no. ${note?.number} on`);
    expect(creditedText).toContain('wrong labour rate');
    expect(creditedText).not.toContain('Balance due');

    const response = await get(`/credit-notes/${note?.id}.pdf`, 'alice');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="credit-note-${note?.number}.pdf"`,
    );
    const noteText = await textOf(response);
    for (const expected of [
      'CREDIT NOTE',
      `Credit note no. ${note?.number}`,
      `Credits invoice no. ${workOrder.invoiceNumber} of`,
      workOrder.number,
      'Harbour Garage',
      'Alice',
      `Plate: ${workOrder.vehicle.plate}`,
      'wrong labour rate',
      'Replace front pads',
      '-€180.00',
      '-€230.78',
      `Payments of €30.78 received on invoice no. ${workOrder.invoiceNumber} stay on work order ${workOrder.number}`,
    ]) {
      expect(noteText).toContain(expected);
    }
    expect(noteText).toMatch(/Total credited\s+-€230\.78/);

    const reissued = await staff.workOrder.invoice.mutate({ id: workOrder.id });
    const reissuedText = await textOf(await invoicePdf(workOrder.id, 'alice'));
    expect(reissuedText).toContain(`Invoice no. ${reissued.invoiceNumber}`);
    expect(reissuedText).toContain(
      `Replaces invoice no. ${workOrder.invoiceNumber} (credit note no. ${note?.number})`,
    );
    // The payment taken on the credited invoice counts toward this one.
    expect(reissuedText).toMatch(/Balance due\s+€200\.00/);
  });

  it('serves a credit note under the invoice’s rules: its customer, staff and admins; anyone else one 404', async () => {
    const workOrder = await invoicedWorkOrder();
    const credited = await staff.workOrder.creditInvoice.mutate({ id: workOrder.id, reason: 'x' });
    const path = `/credit-notes/${credited.creditNotes[0]?.id}.pdf`;
    const statuses: Record<string, number> = {};
    for (const who of ['staff', 'admin', 'alice', 'bob'] as const)
      statuses[who] = (await get(path, who)).status;
    statuses.anonymous = (await get(path)).status;
    expect(statuses).toEqual({ staff: 200, admin: 200, alice: 200, bob: 404, anonymous: 401 });
    for (const miss of [
      '/credit-notes/2000000000.pdf',
      '/credit-notes/abc.pdf',
      '/credit-notes/1',
    ]) {
      const response = await get(miss, 'staff');
      expect(response.status, miss).toBe(404);
      expect(await response.json()).toEqual({ error: 'not found' });
    }
  });

  it('lets staff, admins and the work order’s customer have it; another customer gets a 404', async () => {
    const workOrder = await invoicedWorkOrder();
    const statuses: Record<string, number> = {};
    for (const who of ['staff', 'admin', 'alice', 'bob'] as const)
      statuses[who] = (await invoicePdf(workOrder.id, who)).status;
    statuses.anonymous = (await invoicePdf(workOrder.id)).status;
    expect(statuses).toEqual({ staff: 200, admin: 200, alice: 200, bob: 404, anonymous: 401 });
  });

  it('answers every other miss with the same 404: not theirs, missing, malformed, not invoiced', async () => {
    const invoiced = await invoicedWorkOrder();
    const notInvoiced = await readyWorkOrder();
    const answer = async (response: Response) => ({
      status: response.status,
      contentType: response.headers.get('content-type'),
      cacheControl: response.headers.get('cache-control'),
      body: await response.text(),
    });
    const misses = {
      "another customer's invoice": await answer(await invoicePdf(invoiced.id, 'bob')),
      'a missing work order': await answer(await invoicePdf(2_000_000_000, 'bob')),
      'an id past the integer range': await answer(await invoicePdf('99999999999', 'bob')),
      'a non-numeric id': await answer(await invoicePdf('abc', 'bob')),
      'a negative id': await answer(await invoicePdf('-1', 'bob')),
      'no .pdf': await answer(await get(`/invoices/${invoiced.id}`, 'bob')),
      'not invoiced yet (staff)': await answer(await invoicePdf(notInvoiced.id, 'staff')),
      'not invoiced yet (its customer)': await answer(await invoicePdf(notInvoiced.id, 'alice')),
    };
    const notFound = {
      status: 404,
      contentType: 'application/json',
      cacheControl: 'private, no-store',
      body: '{"error":"not found"}',
    };
    for (const [name, miss] of Object.entries(misses)) expect(miss, name).toEqual(notFound);
  });

  it('refuses signed-out callers with 401 before looking anything up', async () => {
    for (const path of ['/invoices/1.pdf', '/invoices/abc.pdf']) {
      const response = await get(path);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'sign in first' });
    }
    const forged = await fetch(`${api.base}/invoices/1.pdf`, {
      headers: { cookie: 'garage_session=forged' },
    });
    expect(forged.status).toBe(401);
  });
});
