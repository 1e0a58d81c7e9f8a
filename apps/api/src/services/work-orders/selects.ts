import type { Prisma } from '@garage/db';

// What the API reads of work orders: shared by the detail, the lists, the board and the
// vehicle history, so no procedure leaks a column by accident.

export const personSelect = { id: true, name: true } satisfies Prisma.UserSelect;

export const workOrderVehicleSelect = {
  id: true,
  vin: true,
  plate: true,
  make: true,
  model: true,
  year: true,
} satisfies Prisma.VehicleSelect;

/** What totals and the transition rules read of a line. */
export const pricedLineSelect = {
  quantity: true,
  unitPriceCents: true,
  taxRateBps: true,
  approval: true,
} satisfies Prisma.WorkOrderLineSelect;

export const lineSelect = {
  id: true,
  position: true,
  kind: true,
  description: true,
  partNumber: true,
  ...pricedLineSelect,
  decidedAt: true,
  decisionChannel: true,
  decidedBy: { select: personSelect },
  // The version an edit or removal of the line is based on (optimistic concurrency).
  version: true,
} satisfies Prisma.WorkOrderLineSelect;

export const readingSelect = {
  id: true,
  reading: true,
  at: true,
  source: true,
  correction: true,
  implausible: true,
} satisfies Prisma.OdometerReadingSelect;

/** A payment, whether and why it was voided, and who took it. */
export const paymentSelect = {
  id: true,
  amountCents: true,
  currency: true,
  method: true,
  at: true,
  recordedBy: { select: personSelect },
  void: { select: { reason: true, at: true, voidedBy: { select: personSelect } } },
} satisfies Prisma.PaymentSelect;

export const refundSelect = {
  id: true,
  paymentId: true,
  amountCents: true,
  currency: true,
  method: true,
  reason: true,
  at: true,
  recordedBy: { select: personSelect },
} satisfies Prisma.RefundSelect;

/** A credit note as the work order lists it (its document is for the PDF). */
export const creditNoteSelect = {
  id: true,
  number: true,
  invoiceNumber: true,
  totalCents: true,
  currency: true,
  reason: true,
  issuedAt: true,
  issuedBy: { select: personSelect },
} satisfies Prisma.CreditNoteSelect;

/** A work order as a row of a list or a card of the board. */
export const workOrderSummarySelect = {
  id: true,
  number: true,
  status: true,
  concern: true,
  promisedAt: true,
  createdAt: true,
  updatedAt: true,
  // Only its currency and locale are answered (shape.ts): the snapshot holds the shop's rates.
  invoiceSettings: true,
  vehicle: { select: workOrderVehicleSelect },
  customer: { select: { id: true, name: true } },
  technician: { select: personSelect },
  lines: { select: pricedLineSelect },
} satisfies Prisma.WorkOrderSelect;

/** A work order's page. */
export const workOrderDetailSelect = {
  id: true,
  number: true,
  status: true,
  concern: true,
  notes: true,
  odometerIn: true,
  odometerOut: true,
  promisedAt: true,
  createdAt: true,
  updatedAt: true,
  approvedAt: true,
  invoicedAt: true,
  paidAt: true,
  cancelledAt: true,
  invoiceNumber: true,
  // The version an edit of the details is based on (optimistic concurrency).
  version: true,
  invoiceSettings: true,
  vehicle: { select: workOrderVehicleSelect },
  customer: { select: { id: true, name: true, email: true, phone: true } },
  technician: { select: personSelect },
  lines: { select: lineSelect, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
  payments: { select: paymentSelect, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  refunds: { select: refundSelect, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  creditNotes: { select: creditNoteSelect, orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }] },
  statusChanges: {
    select: {
      id: true,
      from: true,
      to: true,
      at: true,
      note: true,
      by: { select: personSelect },
    },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  },
  odometerReadings: { select: readingSelect, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.WorkOrderSelect;
