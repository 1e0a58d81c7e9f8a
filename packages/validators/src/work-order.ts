import { z } from 'zod';
import { calendarDate } from './calendar-date';
import {
  boolean,
  id,
  instant,
  mileage,
  number,
  optionalText,
  pagination,
  search,
  string,
  text,
  typeError,
} from './fields';
import { version } from './version';
import { lineKinds, paymentMethods, workOrderStatuses } from './work-order-vocabulary';

// The inputs of the work-order procedures. Money is whole cents, quantities decimal text (up to
// two places), tax rates basis points; the rules recheck what only they can (apps/api/src/domain/work-orders/).

export const workOrderStatus = z.enum(workOrderStatuses, {
  error: typeError('is not a work-order status'),
});

/**
 * Decimal text as a quantity ("01.50" is "1.50"), or why it is none: a quantity is more than 0,
 * has at most two decimal places and is less than 100,000,000 (the column is numeric(10, 2)).
 */
function readQuantity(text: string): { value: string } | { problem: string } {
  const match = /^(-?)(\d*)(?:\.(\d+))?$/.exec(text);
  const [, sign, digits = '', fraction = ''] = match ?? [];
  if (!match || digits + fraction === '') return { problem: 'must be a number (e.g. 1.5)' };
  const whole = digits.replace(/^0+/, '');
  if (sign || !/[1-9]/.test(whole + fraction)) return { problem: 'must be more than 0' };
  if (fraction.length > 2) return { problem: 'must have at most two decimal places' };
  if (whole.length > 8) return { problem: 'must be less than 100,000,000' };
  return { value: `${whole || '0'}${fraction ? `.${fraction}` : ''}` };
}

/**
 * A JSON number as the decimal text it stands for: its shortest form (1.5 is "1.5", and the float
 * 0.1 + 0.2 is "0.30000000000000004"). JavaScript writes numbers from 1e21 up with an exponent:
 * their integer digits instead. Those below 1e-6 too: seven decimals say the same of them.
 */
function decimalTextOf(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;
  return Math.abs(value) >= 1 ? BigInt(value).toString() : `${value < 0 ? '-' : ''}0.0000001`;
}

/** A quantity as exact decimal text, "1.5" hours or "4" parts; sent as text or a JSON number. */
export const quantity = z
  .union([string(), number()], { error: typeError('must be a number (e.g. 1.5)') })
  .transform((value, ctx) => {
    const read = readQuantity(typeof value === 'string' ? value.trim() : decimalTextOf(value));
    if ('value' in read) return read.value;
    ctx.addIssue({ code: 'custom', message: read.problem });
    return z.NEVER;
  });

export const cents = number()
  .int('must be a whole number of cents')
  .min(0, 'cannot be negative')
  .max(100_000_000, 'must be at most 100,000,000 cents');

/** Basis points: 825 is 8.25 %. */
export const taxRateBps = number()
  .int('must be a whole number of basis points (825 is 8.25 %)')
  .min(0, 'cannot be negative')
  .max(10_000, 'must be at most 10000 basis points (100 %)');

export const promisedAt = instant('must be a date and time');

/** The reading given in the same call is below the vehicle's mileage on purpose (a typo fixed). */
const odometerCorrection = boolean().default(false);

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
  concern: text(2_000, { multiline: true }),
  odometerIn: mileage,
  odometerCorrection,
  technicianId: id.optional(),
  promisedAt: promisedAt.optional(),
});

export const workOrderUpdateInput = z.strictObject({
  id,
  version,
  concern: text(2_000, { multiline: true }).optional(),
  notes: optionalText(4_000, { multiline: true }),
  technicianId: id.nullish(),
  promisedAt: promisedAt.nullish(),
});

const lineFields = {
  kind: z.enum(lineKinds, { error: typeError('must be labor, part or fee') }),
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

export const updateLineInput = z.strictObject({ id, version, ...lineFields }).partial({
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
        approved: boolean(),
      }),
      { error: typeError('must be a list of decisions') },
    )
    .min(1, 'must decide at least one line')
    .max(200, 'must decide at most 200 lines at once'),
  /** How staff heard it; a customer's decisions come through the portal. */
  channel: z
    .enum(['phone', 'in_person'], { error: typeError('must be phone or in_person') })
    .optional(),
});

export const setStatusInput = z.strictObject({
  id,
  status: workOrderStatus,
  odometerOut: mileage.optional(),
  odometerCorrection,
});

export const invoiceInput = z.strictObject({
  id,
  /**
   * The vehicle's next service: at this mileage, by this day (a calendar date), or whichever
   * comes first. The mileage must be past the vehicle's current reading (the service checks).
   */
  nextService: z
    .strictObject({
      mileage: mileage.optional(),
      date: calendarDate.optional(),
    })
    .optional(),
});

const paymentMethod = z.enum(paymentMethods, {
  error: typeError('must be cash, card, transfer or other'),
});

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
