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

/** A work order as a row of a list or a card of the board. */
export const workOrderSummarySelect = {
  id: true,
  number: true,
  status: true,
  concern: true,
  promisedAt: true,
  createdAt: true,
  updatedAt: true,
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
  vehicle: { select: workOrderVehicleSelect },
  customer: { select: { id: true, name: true, email: true, phone: true } },
  technician: { select: personSelect },
  lines: { select: lineSelect, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
  payments: {
    select: {
      id: true,
      amountCents: true,
      method: true,
      at: true,
      recordedBy: { select: personSelect },
    },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  },
  statusChanges: {
    select: { id: true, from: true, to: true, at: true, by: { select: personSelect } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  },
  odometerReadings: { select: readingSelect, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.WorkOrderSelect;
