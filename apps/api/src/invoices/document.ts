import { z } from 'zod';

// What an issued invoice says, as stored: the shop and the bill-to as they were when it was
// made, and (once it is credited, when the work order may change) its lines and totals. Read
// back with these schemas; written through their input types.

/** The shop as it was when the invoice was made: the settings snapshot invoicing recorded. */
export const invoiceShop = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  /** The shop's locale (e.g. de-DE), once the settings have one. */
  locale: z.string().nullish(),
});
export type InvoiceShop = z.output<typeof invoiceShop>;

/** Who and what the invoice bills, as they were when it was made. */
export const billTo = z.object({
  customer: z.object({
    name: z.string(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  vehicle: z.object({
    plate: z.string(),
    vin: z.string(),
    make: z.string(),
    model: z.string(),
    year: z.number(),
  }),
  odometerIn: z.number(),
  odometerOut: z.number().nullable(),
});
export type BillTo = z.output<typeof billTo>;

const cents = z.number().int();

/** A line the invoice charged, with the amounts it was charged at. */
export const invoicedLine = z.object({
  kind: z.enum(['labor', 'part', 'fee']),
  description: z.string(),
  partNumber: z.string().nullable(),
  quantity: z.string(),
  unitPriceCents: cents,
  taxRateBps: cents,
  netCents: cents,
  taxCents: cents,
  totalCents: cents,
});

/** An issued invoice, whole: what a credit note keeps of the invoice it credits. */
export const invoiceDocument = z.object({
  number: z.number().int(),
  issuedAt: z.iso.datetime().transform((text) => new Date(text)),
  workOrderNumber: z.string(),
  shop: invoiceShop,
  billTo,
  lines: z.array(invoicedLine),
  totals: z.object({ subtotalCents: cents, taxCents: cents, totalCents: cents }),
});
export type InvoiceDocument = z.output<typeof invoiceDocument>;
/** An invoice document as it is written (its date as ISO text, as JSON holds it). */
export type StoredInvoiceDocument = z.input<typeof invoiceDocument>;
