import { createDatabase } from '@garage/test-services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../src/client';
import { takeCreditNoteNumber } from '../src/credit-note-number';
import { deleteCustomer } from '../src/customers';
import { CustomerHasWorkOrdersError, mapPrismaError, RecordInUseError } from '../src/errors';
import { takeInvoiceNumber } from '../src/invoice-number';
import { vehicleRow } from '../src/seed/rows';
import { loadShopSettings } from '../src/shop-settings';

let db: Database;

beforeAll(async () => {
  db = await openDatabase({ url: await createDatabase(inject('postgresUrl')), poolSize: 8 });
  await db.migrate();
});
afterAll(() => db.close());

let nextVehicleIndex = 600_000;

async function vehicleWithOwner() {
  const owner = await db.prisma.customer.create({ data: { name: 'Work Order Owner' } });
  const vehicle = await db.prisma.vehicle.create({
    data: { ...vehicleRow(nextVehicleIndex++), ownerId: owner.id },
  });
  return { owner, vehicle };
}

async function openWorkOrder() {
  const { owner, vehicle } = await vehicleWithOwner();
  return db.prisma.workOrder.create({
    data: {
      vehicleId: vehicle.id,
      customerId: owner.id,
      concern: 'Squeal when braking',
      odometerIn: vehicle.mileage,
    },
  });
}

/** The error a promise rejects with, or null when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('work order numbers', () => {
  it('are WO- and six digits, in creation order, and keep every digit past six', async () => {
    const first = await openWorkOrder();
    const second = await openWorkOrder();
    expect(first.number).toMatch(/^WO-\d{6}$/);
    expect(Number(second.number.slice(3))).toBe(Number(first.number.slice(3)) + 1);

    await db.prisma.$executeRaw`SELECT setval('"WorkOrder_number_seq"', 999999)`;
    expect((await openWorkOrder()).number).toBe('WO-1000000');
  });
});

describe('invoice numbers', () => {
  it('are consecutive without gaps under concurrent invoicing, rolled-back ones given back', async () => {
    const before = await db.prisma.$transaction((tx) => takeInvoiceNumber(tx));
    const attempts = Array.from({ length: 12 }, (_, index) =>
      db.prisma
        .$transaction(async (tx) => {
          const taken = await takeInvoiceNumber(tx);
          // Every third invoice fails after taking its number, as a failed write would.
          if (index % 3 === 0) throw new Error('invoice failed');
          return taken;
        })
        .catch(() => null),
    );
    const committed = (await Promise.all(attempts)).filter((taken) => taken !== null);
    expect(committed).toHaveLength(8);
    expect(committed.toSorted((a, b) => a - b)).toEqual(
      Array.from({ length: 8 }, (_, k) => before + 1 + k),
    );
  });

  it('are unique on work orders, and only an invoiced or paid one has one', async () => {
    const workOrder = await openWorkOrder();
    const error = await rejection(
      db.prisma.workOrder.update({ where: { id: workOrder.id }, data: { invoiceNumber: 1 } }),
    );
    expect(String(error)).toMatch(/WorkOrder_invoice_number_iff_invoiced/);
    await db.prisma.workOrder.update({
      where: { id: workOrder.id },
      data: { status: 'invoiced', invoiceNumber: 424_242, invoicedAt: new Date() },
    });
    const other = await openWorkOrder();
    const duplicate = await rejection(
      db.prisma.workOrder.update({
        where: { id: other.id },
        data: { status: 'invoiced', invoiceNumber: 424_242 },
      }),
    );
    expect((duplicate as { code?: string }).code).toBe('P2002');
  });
});

describe('credit note numbers', () => {
  it('are a series of their own, consecutive under concurrency, rolled-back ones given back', async () => {
    const invoiceBefore = await db.prisma.$transaction((tx) => takeInvoiceNumber(tx));
    const before = await db.prisma.$transaction((tx) => takeCreditNoteNumber(tx));
    const attempts = Array.from({ length: 9 }, (_, index) =>
      db.prisma
        .$transaction(async (tx) => {
          const taken = await takeCreditNoteNumber(tx);
          if (index % 3 === 1) throw new Error('credit note failed');
          return taken;
        })
        .catch(() => null),
    );
    const committed = (await Promise.all(attempts)).filter((taken) => taken !== null);
    expect(committed.toSorted((a, b) => a - b)).toEqual(
      Array.from({ length: 6 }, (_, k) => before + 1 + k),
    );
    // Invoices kept their own count.
    expect(await db.prisma.$transaction((tx) => takeInvoiceNumber(tx))).toBe(invoiceBefore + 1);
  });
});

describe('money movements', () => {
  async function paymentOn(workOrderId: number) {
    return db.prisma.payment.create({
      data: { workOrderId, amountCents: 500, currency: 'USD', method: 'cash' },
    });
  }

  it('a payment is voided at most once, with a reason', async () => {
    const payment = await paymentOn((await openWorkOrder()).id);
    expect(
      String(
        await rejection(
          db.prisma.paymentVoid.create({ data: { paymentId: payment.id, reason: ' ' } }),
        ),
      ),
    ).toMatch(/PaymentVoid_reason_given/);
    await db.prisma.paymentVoid.create({ data: { paymentId: payment.id, reason: 'typed 500' } });
    const second = await rejection(
      db.prisma.paymentVoid.create({ data: { paymentId: payment.id, reason: 'again' } }),
    );
    expect((second as { code?: string }).code).toBe('P2002');
  });

  it('a refund of 0, a currency that is not a code, a credit note credited twice', async () => {
    const workOrder = await openWorkOrder();
    const refund = {
      workOrderId: workOrder.id,
      amountCents: 100,
      currency: 'USD',
      method: 'cash' as const,
      reason: 'goodwill',
    };
    expect(
      String(await rejection(db.prisma.refund.create({ data: { ...refund, amountCents: 0 } }))),
    ).toMatch(/Refund_amount_positive/);
    expect(
      String(await rejection(db.prisma.refund.create({ data: { ...refund, currency: 'usd' } }))),
    ).toMatch(/Refund_currency_code/);
    expect(
      String(
        await rejection(
          db.prisma.payment.create({
            data: {
              workOrderId: workOrder.id,
              amountCents: 1,
              currency: 'dollars',
              method: 'cash',
            },
          }),
        ),
      ),
    ).toMatch(/Payment_currency_code/);
    const note = {
      workOrderId: workOrder.id,
      totalCents: 100,
      currency: 'USD',
      invoice: {},
      reason: 'wrong address',
    };
    await db.prisma.creditNote.create({ data: { ...note, number: 900_001, invoiceNumber: 77 } });
    const twice = await rejection(
      db.prisma.creditNote.create({ data: { ...note, number: 900_002, invoiceNumber: 77 } }),
    );
    expect((twice as { code?: string }).code).toBe('P2002');
  });
});

describe('the database refuses what the rules refuse', () => {
  it('a customer account marked as a technician', async () => {
    const error = await rejection(
      db.prisma.user.create({
        data: {
          email: 'customer-tech@example.test',
          name: 'Not A Technician',
          passwordHash: 'x',
          role: 'customer',
          isTechnician: true,
        },
      }),
    );
    expect(String(error)).toMatch(/User_technician_is_staff/);
  });

  it('a line quantity of 0, a tax rate above 100 %, a payment of 0, a reminder with no mark', async () => {
    const workOrder = await openWorkOrder();
    const line = {
      workOrderId: workOrder.id,
      position: 1,
      kind: 'labor' as const,
      description: 'Brake pads',
      unitPriceCents: 12_000,
    };
    expect(
      String(
        await rejection(
          db.prisma.workOrderLine.create({ data: { ...line, quantity: '0', taxRateBps: 825 } }),
        ),
      ),
    ).toMatch(/WorkOrderLine_quantity_positive/);
    expect(
      String(
        await rejection(
          db.prisma.workOrderLine.create({ data: { ...line, quantity: '1', taxRateBps: 10_001 } }),
        ),
      ),
    ).toMatch(/WorkOrderLine_tax_rate_range/);
    expect(
      String(
        await rejection(
          db.prisma.payment.create({
            data: { workOrderId: workOrder.id, amountCents: 0, currency: 'USD', method: 'cash' },
          }),
        ),
      ),
    ).toMatch(/Payment_amount_positive/);
    expect(
      String(
        await rejection(
          db.prisma.serviceReminder.create({
            data: { vehicleId: workOrder.vehicleId, description: 'Oil change' },
          }),
        ),
      ),
    ).toMatch(/ServiceReminder_mileage_or_date/);
  });

  it('keeps quantities exact to two places', async () => {
    const workOrder = await openWorkOrder();
    const line = await db.prisma.workOrderLine.create({
      data: {
        workOrderId: workOrder.id,
        position: 1,
        kind: 'part',
        description: 'Wiper blade',
        quantity: '1.25',
        unitPriceCents: 749,
        taxRateBps: 825,
      },
    });
    expect(line.quantity.toFixed(2)).toBe('1.25');
  });
});

describe('a customer with work orders', () => {
  it('cannot be deleted once their vehicle is gone: their history is kept', async () => {
    const workOrder = await openWorkOrder();
    const buyer = await db.prisma.customer.create({ data: { name: 'Buyer' } });
    await db.prisma.vehicle.update({
      where: { id: workOrder.vehicleId },
      data: { ownerId: buyer.id },
    });

    const error = await rejection(deleteCustomer(db.prisma, workOrder.customerId));

    expect(error).toBeInstanceOf(CustomerHasWorkOrdersError);
    expect((error as CustomerHasWorkOrdersError).workOrderCount).toBe(1);
    expect(await db.prisma.customer.count({ where: { id: workOrder.customerId } })).toBe(1);
  });
});

describe('a vehicle with work orders', () => {
  it('cannot be deleted: the refusal maps to RecordInUseError naming work orders', async () => {
    const workOrder = await openWorkOrder();

    const error = await db.prisma.vehicle
      .delete({ where: { id: workOrder.vehicleId } })
      .catch((caught: unknown) => mapPrismaError(caught, 'vehicle'));

    expect(error).toBeInstanceOf(RecordInUseError);
    expect((error as Error).message).toBe(
      'this vehicle is still referenced by work order records; it cannot be deleted',
    );
    expect(await db.prisma.vehicle.count({ where: { id: workOrder.vehicleId } })).toBe(1);
  });

  it('an insert naming a missing owner is not mistaken for that', async () => {
    const error = await db.prisma.vehicle
      .create({ data: { ...vehicleRow(nextVehicleIndex++), ownerId: 987_654 } })
      .catch((caught: unknown) => mapPrismaError(caught, 'vehicle'));
    expect(error).not.toBeInstanceOf(RecordInUseError);
    expect((error as { code?: string }).code).toBe('P2003');
  });
});

describe('shop settings', () => {
  it('are one row, created with the defaults on first read, even by concurrent readers', async () => {
    const settings = await Promise.all([1, 2, 3].map(() => loadShopSettings(db.prisma)));
    expect(settings.map((each) => each.id)).toEqual([1, 1, 1]);
    expect(settings[0]).toMatchObject({ defaultTaxRateBps: 825, currency: 'USD' });
    expect(await db.prisma.shopSettings.count()).toBe(1);
    expect(String(await rejection(db.prisma.shopSettings.create({ data: { id: 2 } })))).toMatch(
      /ShopSettings_single_row/,
    );
  });
});
