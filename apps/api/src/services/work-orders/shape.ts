import type { Prisma } from '@garage/db';
import { balanceDue } from '../../work-orders/balance';
import { lineAmounts, workOrderTotals } from '../../work-orders/totals';
import { isAwaitingApproval, nextStatuses } from '../../work-orders/transitions';
import type { workOrderDetailSelect, workOrderSummarySelect } from './selects';

// Rows as the database gives them, turned into what the API answers: quantities as decimal
// text, every amount computed here from the lines, never taken from the client.

type SummaryRow = Prisma.WorkOrderGetPayload<{ select: typeof workOrderSummarySelect }>;
type DetailRow = Prisma.WorkOrderGetPayload<{ select: typeof workOrderDetailSelect }>;

/** A line as the rules read it: its quantity as the exact decimal text of the column. */
export function pricedLine<Line extends { quantity: Prisma.Decimal }>(line: Line) {
  return { ...line, quantity: line.quantity.toString() };
}

/** A list row or board card: who, what, and the total of the lines not declined. */
export function toSummary({ lines, ...row }: SummaryRow) {
  const priced = lines.map(pricedLine);
  const state = { status: row.status, lines: priced };
  return {
    ...row,
    totalCents: workOrderTotals(priced).totalCents,
    awaitingApproval: isAwaitingApproval(state),
    nextStatuses: nextStatuses(state),
  };
}

export type WorkOrderSummary = ReturnType<typeof toSummary>;

/** A work order's page: lines with their amounts, totals, balance, history, what may come next. */
export function toDetail({ lines, payments, statusChanges, ...row }: DetailRow) {
  const priced = lines.map((line) => {
    const asText = pricedLine(line);
    return { ...asText, ...lineAmounts(asText) };
  });
  const totals = workOrderTotals(priced);
  const paidCents = payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  const state = { status: row.status, lines: priced };
  return {
    ...row,
    lines: priced,
    payments,
    /** Every move, oldest first, with who made it and when. */
    statusHistory: statusChanges,
    totals,
    paidCents,
    balanceCents: balanceDue(totals.totalCents, payments),
    awaitingApproval: isAwaitingApproval(state),
    nextStatuses: nextStatuses(state),
  };
}

export type WorkOrderDetail = ReturnType<typeof toDetail>;
