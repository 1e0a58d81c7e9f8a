import type { Prisma } from '@garage/db';
import { balanceDue } from '../../domain/work-orders/balance';
import type { WorkOrderStatus } from '../../domain/work-orders/status';
import { workOrderTotals } from '../../domain/work-orders/totals';
import { decideTransition, statusAfterReversal } from '../../domain/work-orders/transitions';
import type { MoneyState } from './money-state';

/**
 * After a voided payment or a refund (already written) that left `paidCents` paid: a paid work
 * order owes again, so it goes back to invoiced through the transition table, with a status
 * change saying what made the move. Returns the move, or null when the status stays.
 */
export async function followReversal(
  tx: Prisma.TransactionClient,
  workOrder: { id: number; status: WorkOrderStatus },
  reversal: { state: MoneyState; paidCents: number; note: string; byId: number; at: Date },
) {
  const { state, paidCents, note, byId, at } = reversal;
  if (workOrder.status !== 'paid') return null;
  const transition = {
    status: workOrder.status,
    lines: state.lines,
    balanceDueCents: balanceDue(workOrderTotals(state.lines).totalCents, paidCents),
  };
  const next = statusAfterReversal(transition);
  if (next === workOrder.status) return null;
  const move = decideTransition(transition, next, 'reversal');
  await tx.workOrder.update({
    where: { id: workOrder.id },
    data: {
      status: move.to,
      // It is no longer paid; when it was is kept in its status history.
      paidAt: null,
      statusChanges: { create: { ...move, byId, at, note } },
    },
  });
  return move;
}
