import type { PrismaClient } from '@garage/db';
import type { SessionUser } from '../../auth/sessions';
import { applyPayment, balanceDue } from '../../domain/work-orders/balance';
import { assertAcceptsPayment } from '../../domain/work-orders/editing';
import type { PaymentMethod, WorkOrderStatus } from '../../domain/work-orders/status';
import { workOrderTotals } from '../../domain/work-orders/totals';
import { decideTransition } from '../../domain/work-orders/transitions';
import { writtenDetail } from './detail';
import { lockWorkOrder } from './locks';
import { moneyIn, shopMoney } from './money';
import { moneyState } from './money-state';

export type PaymentRequest = { workOrderId: number; amountCents: number; method: PaymentMethod };

/**
 * Records a payment against an invoiced work order under its row lock, in the invoice's
 * currency, refusing one above the balance due (BAD_REQUEST naming `amountCents`, nothing
 * written). The payment that brings the balance to 0 moves the work order to paid.
 */
export async function addPayment(prisma: PrismaClient, request: PaymentRequest, by: SessionUser) {
  const shop = await shopMoney(prisma);
  const statusMove = await prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, request.workOrderId);
    assertAcceptsPayment(workOrder.status);
    const { invoiceSettings } = await tx.workOrder.findUniqueOrThrow({
      where: { id: workOrder.id },
      select: { invoiceSettings: true },
    });
    const state = await moneyState(tx, workOrder.id);
    const due = balanceDue(workOrderTotals(state.lines).totalCents, state.paidCents);
    const after = applyPayment(due, request.amountCents);
    const at = new Date();
    await tx.payment.create({
      data: {
        workOrderId: workOrder.id,
        amountCents: request.amountCents,
        currency: (moneyIn(invoiceSettings) ?? shop).currency,
        method: request.method,
        recordedById: by.id,
        at,
      },
    });
    if (after !== 0) return null;
    const move: { from: WorkOrderStatus; to: WorkOrderStatus } = decideTransition(
      { status: workOrder.status, lines: state.lines, balanceDueCents: after },
      'paid',
      'payment',
    );
    await tx.workOrder.update({
      where: { id: workOrder.id },
      data: {
        status: move.to,
        paidAt: at,
        statusChanges: { create: { ...move, byId: by.id, at } },
      },
    });
    return move;
  });
  return { ...(await writtenDetail(prisma, request.workOrderId)), statusMove };
}
