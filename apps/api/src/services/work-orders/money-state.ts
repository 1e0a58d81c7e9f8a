import type { Prisma } from '@garage/db';
import { netPaid } from '../../domain/work-orders/movements';
import { movementsOf, pricedLine } from './shape';

/**
 * A work order's lines and money as the rules read them, inside the caller's transaction and
 * under its row lock: the lines (quantities as text), its payments (with their currencies) and
 * refunds, and what was paid net of voids and refunds.
 */
export async function moneyState(tx: Prisma.TransactionClient, workOrderId: number) {
  const lines = await tx.workOrderLine.findMany({
    where: { workOrderId },
    select: { quantity: true, unitPriceCents: true, taxRateBps: true, approval: true },
  });
  const payments = await tx.payment.findMany({
    where: { workOrderId },
    select: { id: true, amountCents: true, currency: true, void: { select: { id: true } } },
  });
  const refunds = await tx.refund.findMany({
    where: { workOrderId },
    select: { paymentId: true, amountCents: true },
  });
  const movements = movementsOf({ payments, refunds });
  return { lines: lines.map(pricedLine), payments, movements, paidCents: netPaid(movements) };
}

export type MoneyState = Awaited<ReturnType<typeof moneyState>>;

/** The currencies of the payments still counting (not voided): those a refund gives back. */
export function currenciesPaidIn(state: MoneyState): Set<string> {
  return new Set(state.payments.filter((payment) => !payment.void).map((p) => p.currency));
}
