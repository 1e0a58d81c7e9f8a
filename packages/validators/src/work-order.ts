import { z } from 'zod';
import { id, mileage, optionalText, pagination, search, text } from './fields';
import { lineKinds, paymentMethods, workOrderStatuses } from './work-order-vocabulary';

// The inputs of the work-order procedures. Money is whole cents, quantities decimal text (up to
// two places), tax rates basis points; the rules recheck what only they can (work-orders/).

export const workOrderStatus = z.enum(workOrderStatuses, { error: 'is not a work-order status' });

/** Decimal text with up to two places, more than 0: "1.5" hours, "4" parts. */
export const quantity = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be a number with at most two decimal places (e.g. 1.5)')
  .refine((value) => /[1-9]/.test(value), 'must be more than 0');

export const cents = z
  .number({ error: 'must be a number' })
  .int('must be a whole number of cents')
  .min(0, 'cannot be negative')
  .max(100_000_000, 'must be at most 100,000,000 cents');

/** Basis points: 825 is 8.25 %. */
export const taxRateBps = z
  .number({ error: 'must be a number' })
  .int('must be a whole number of basis points (825 is 8.25 %)')
  .min(0, 'cannot be negative')
  .max(10_000, 'must be at most 10000 (100 %)');

export const promisedAt = z.date({ error: 'must be a date and time' });

/** The reading given in the same call is below the vehicle's mileage on purpose (a typo fixed). */
const odometerCorrection = z.boolean({ error: 'must be true or false' }).default(false);

export const workOrderListInput = z
  .strictObject({
    // Sorted and without repeats, so one filter is one cache entry however it is written.
    status: z
      .array(workOrderStatus)
      .max(workOrderStatuses.length)
      .optional()
      .transform((statuses) => (statuses?.length ? [...new Set(statuses)].sort() : undefined)),
    technicianId: id.optional(),
    vehicleId: id.optional(),
    customerId: id.optional(),
    search,
    ...pagination,
  })
  .prefault({});

export const workOrderCreateInput = z.strictObject({
  vehicleId: id,
  concern: text(2_000),
  odometerIn: mileage,
  odometerCorrection,
  technicianId: id.optional(),
  promisedAt: promisedAt.optional(),
});

export const workOrderUpdateInput = z.strictObject({
  id,
  concern: text(2_000).optional(),
  notes: optionalText(4_000),
  technicianId: id.nullish(),
  promisedAt: promisedAt.nullish(),
});

const lineFields = {
  kind: z.enum(lineKinds, { error: 'must be labor, part or fee' }),
  description: text(300),
  quantity,
  unitPriceCents: cents,
  taxRateBps,
  partNumber: optionalText(60),
};

export const addLineInput = z.strictObject({
  workOrderId: id,
  ...lineFields,
  // A labour line without a price takes the shop's labour rate; every line the shop's tax rate.
  unitPriceCents: cents.optional(),
  taxRateBps: taxRateBps.optional(),
});

export const updateLineInput = z.strictObject({ id, ...lineFields }).partial({
  kind: true,
  description: true,
  quantity: true,
  unitPriceCents: true,
  taxRateBps: true,
});

export const decideLinesInput = z.strictObject({
  workOrderId: id,
  decisions: z
    .array(
      z.strictObject({
        lineId: id,
        approved: z.boolean({ error: 'must be true or false' }),
      }),
      { error: 'must be a list of decisions' },
    )
    .min(1, 'must decide at least one line')
    .max(200, 'must decide at most 200 lines at once'),
  /** How staff heard it; a customer's decisions come through the portal. */
  channel: z.enum(['phone', 'in_person'], { error: 'must be phone or in_person' }).optional(),
});

export const setStatusInput = z.strictObject({
  id,
  status: workOrderStatus,
  odometerOut: mileage.optional(),
  odometerCorrection,
});

export const invoiceInput = z.strictObject({
  id,
  /** The vehicle's next service: at this mileage, on this date, or whichever comes first. */
  nextService: z
    .strictObject({
      mileage: mileage.optional(),
      date: z.date({ error: 'must be a date' }).optional(),
    })
    .optional(),
});

const paymentMethod = z.enum(paymentMethods, { error: 'must be cash, card, transfer or other' });

export const addPaymentInput = z.strictObject({
  workOrderId: id,
  // More than 0; at most the balance due is checked against the work order (balance.ts).
  amountCents: cents.min(1, 'must be more than 0'),
  method: paymentMethod,
});

/** Why money moved back or an invoice was credited: kept with it, shown in the audit and PDFs. */
export const movementReason = text(300);

/** Voids a payment taken by mistake: it stays on record, struck through, and no longer counts. */
export const voidPaymentInput = z.strictObject({ paymentId: id, reason: movementReason });

export const refundInput = z.strictObject({
  workOrderId: id,
  /** The payment given back (part of); omitted, the work order as a whole. */
  paymentId: id.optional(),
  // At most what is left to refund is checked against the payments (movements.ts).
  amountCents: cents.min(1, 'must be more than 0'),
  method: paymentMethod,
  reason: movementReason,
});

/** Credits a work order's invoice in full with a credit note. */
export const creditInvoiceInput = z.strictObject({ id, reason: movementReason });
