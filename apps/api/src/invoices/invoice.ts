import type { Prisma, PrismaClient } from '@garage/db';
import { netPaid } from '../domain/work-orders/movements';
import { countsTowardTotals, lineAmounts, workOrderTotals } from '../domain/work-orders/totals';
import { paymentSelect, refundSelect } from '../services/work-orders/selects';
import { movementsOf, pricedLine } from '../services/work-orders/shape';
import { type Viewer, visibleTo } from '../visibility/rules';
import { billTo, type InvoiceDocument, invoiceDocument, invoiceShop } from './document';

const invoiceSelect = {
  id: true,
  number: true,
  invoiceNumber: true,
  invoicedAt: true,
  invoiceSettings: true,
  invoiceBillTo: true,
  lines: {
    select: {
      kind: true,
      description: true,
      partNumber: true,
      quantity: true,
      unitPriceCents: true,
      taxRateBps: true,
      approval: true,
    },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  },
  payments: { select: paymentSelect, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  refunds: { select: refundSelect, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  creditNotes: {
    select: {
      id: true,
      number: true,
      invoiceNumber: true,
      reason: true,
      issuedAt: true,
      invoice: true,
    },
    orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
  },
} satisfies Prisma.WorkOrderSelect;

type InvoiceRow = Prisma.WorkOrderGetPayload<{ select: typeof invoiceSelect }>;

/**
 * The invoice the work order has now, as it was issued: its lines have not changed since (an
 * invoiced work order is read-only), the shop and the bill-to come from their snapshots.
 */
function currentInvoice(row: InvoiceRow, number: number, issuedAt: Date): InvoiceDocument {
  const lines = row.lines.map(pricedLine);
  return {
    number,
    issuedAt,
    workOrderNumber: row.number,
    // Invoicing always records both snapshots: a row without them is broken, not "not found".
    shop: invoiceShop.parse(row.invoiceSettings),
    billTo: billTo.parse(row.invoiceBillTo),
    lines: lines
      .filter(countsTowardTotals)
      .map(({ approval: _charged, ...line }) => ({ ...line, ...lineAmounts(line) })),
    totals: workOrderTotals(lines),
  };
}

/** Payments (voided ones marked) and refunds up to `until`, and what they leave paid. */
function movementsUntil(row: InvoiceRow, until: Date | null) {
  const upTo = <T extends { at: Date }>(rows: readonly T[]) =>
    until === null ? [...rows] : rows.filter((each) => each.at <= until);
  const payments = upTo(row.payments).map(({ void: voided, ...payment }) => ({
    ...payment,
    voided: voided !== null && (until === null || voided.at <= until) ? voided : null,
  }));
  const refunds = upTo(row.refunds);
  const paidCents = netPaid(
    movementsOf({ payments: payments.map((p) => ({ ...p, void: p.voided })), refunds }),
  );
  return { payments, refunds, paidCents };
}

/**
 * The invoice of work order `id` for `viewer`, as its PDF shows it, if the viewer may see the
 * work order (the visibility rule: staff any, a customer their own). It is the invoice
 * the work order has now, with every payment, void and refund and the invoices it replaces;
 * or, once that was credited and none issued since, the credited invoice as it was issued,
 * with its credit note. Null when there is none to give, for whichever reason (no such work
 * order, never invoiced, not theirs): the caller answers them all alike, so nothing tells which.
 */
export async function invoiceFor(prisma: PrismaClient, id: number, viewer: Viewer) {
  const row = await prisma.workOrder.findUnique({
    where: { id, AND: visibleTo(viewer).workOrder },
    select: invoiceSelect,
  });
  if (!row) return null;
  const credits = row.creditNotes.map(({ invoice, ...note }) => ({
    ...note,
    document: invoice,
  }));
  const replaced = (notes: typeof credits) =>
    notes.map((note) => ({ invoiceNumber: note.invoiceNumber, creditNoteNumber: note.number }));
  if (row.invoiceNumber !== null && row.invoicedAt !== null) {
    return {
      workOrderId: row.id,
      document: currentInvoice(row, row.invoiceNumber, row.invoicedAt),
      ...movementsUntil(row, null),
      credit: null,
      replaces: replaced(credits),
    };
  }
  const last = credits.at(-1);
  if (!last) return null;
  return {
    workOrderId: row.id,
    document: invoiceDocument.parse(last.document),
    ...movementsUntil(row, last.issuedAt),
    credit: { number: last.number, issuedAt: last.issuedAt, reason: last.reason },
    replaces: replaced(credits.slice(0, -1)),
  };
}

/** An invoice as the PDF shows it. */
export type Invoice = NonNullable<Awaited<ReturnType<typeof invoiceFor>>>;

/** The PDF's file name, as served and as attached to the invoice's mail. */
export const invoiceFileName = (invoice: Invoice) => `invoice-${invoice.document.number}.pdf`;
