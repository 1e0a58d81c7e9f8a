import type { Prisma } from '@garage/db';
import { balanceDue } from '../../domain/work-orders/balance';
import { isDecidable, isEditable } from '../../domain/work-orders/editing';
import { type Movements, netPaid, refundable } from '../../domain/work-orders/movements';
import { shownLineAmounts, shownTotals } from '../../domain/work-orders/totals';
import { isAwaitingApproval, nextStatuses } from '../../domain/work-orders/transitions';
import { auditOf } from './audit';
import { type Money, moneyOfWorkOrder } from './money';
import type { paymentSelect, workOrderDetailSelect, workOrderSummarySelect } from './selects';

// Rows as the database gives them, turned into what the API answers: quantities as decimal
// text, every amount computed here from the lines, never taken from the client, and the
// currency (and locale) the amounts are in. A read never fails on what is stored: amounts too
// large to hold in cents are null (totals.ts).

type SummaryRow = Prisma.WorkOrderGetPayload<{ select: typeof workOrderSummarySelect }>;
type DetailRow = Prisma.WorkOrderGetPayload<{ select: typeof workOrderDetailSelect }>;
type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>;

/** A line as the rules read it: its quantity as the exact decimal text of the column. */
export function pricedLine<Line extends { quantity: Prisma.Decimal }>(line: Line) {
  return { ...line, quantity: line.quantity.toString() };
}

/** What the money rules read of a work order's payments and refunds. */
export function movementsOf(rows: {
  payments: ReadonlyArray<{ id: number; amountCents: number; void: unknown }>;
  refunds: ReadonlyArray<{ paymentId: number | null; amountCents: number }>;
}): Movements {
  return {
    payments: rows.payments.map(({ id, amountCents, void: voided }) => ({
      id,
      amountCents,
      voided: voided !== null,
    })),
    refunds: rows.refunds,
  };
}

/**
 * A list row or board card: who, what, the total of the lines not declined and the currency it
 * is in (`shop`: the settings' currency, for work orders not invoiced).
 */
export function toSummary({ lines, invoiceSettings, ...row }: SummaryRow, shop: Money) {
  const priced = lines.map(pricedLine);
  const state = { status: row.status, lines: priced };
  return {
    ...row,
    money: moneyOfWorkOrder({ invoiceSettings }, shop),
    totalCents: shownTotals(priced).totalCents,
    awaitingApproval: isAwaitingApproval(state),
    nextStatuses: nextStatuses(state),
  };
}

export type WorkOrderSummary = ReturnType<typeof toSummary>;

/** A payment as answered: whether (and why, by whom) it was voided, what is left to refund. */
function toPayment({ void: voided, ...payment }: PaymentRow, movements: Movements) {
  return {
    ...payment,
    voided: voided ? { reason: voided.reason, at: voided.at, by: voided.voidedBy } : null,
    refundableCents: refundable(movements, payment.id),
  };
}

/**
 * A work order's page: lines with their amounts and whether each may still be decided, totals,
 * what was paid (net of voids and refunds), the balance, its payments, refunds and credit notes,
 * the audit list of them, the status history, what may come next, and whether it may change.
 */
export function toDetail(
  { lines, payments, refunds, creditNotes, statusChanges, invoiceSettings, ...row }: DetailRow,
  shop: Money,
) {
  const priced = lines.map((line) => {
    const asText = pricedLine(line);
    return {
      ...asText,
      ...shownLineAmounts(asText),
      decidable: isDecidable(row.status, asText.approval),
    };
  });
  const totals = shownTotals(priced);
  const movements = movementsOf({ payments, refunds });
  const paidCents = netPaid(movements);
  const state = { status: row.status, lines: priced, paidCents };
  return {
    ...row,
    money: moneyOfWorkOrder({ invoiceSettings }, shop),
    lines: priced,
    payments: payments.map((payment) => toPayment(payment, movements)),
    refunds,
    creditNotes,
    /** Every payment, void, refund and credit note, oldest first: who, what, when, why. */
    audit: auditOf({ payments, refunds, creditNotes }),
    /** Every move, oldest first, with who made it, when, and what made it when not a button. */
    statusHistory: statusChanges,
    totals,
    /** Paid and not given back: payments not voided, less refunds. */
    paidCents,
    balanceCents: totals.totalCents === null ? null : balanceDue(totals.totalCents, paidCents),
    /** What may still be refunded of the work order as a whole. */
    refundableCents: refundable(movements),
    awaitingApproval: isAwaitingApproval(state),
    nextStatuses: nextStatuses(state),
    /** Whether its lines, details and decisions may still change (the rule every write checks). */
    editable: isEditable(row.status),
  };
}

export type WorkOrderDetail = ReturnType<typeof toDetail>;
