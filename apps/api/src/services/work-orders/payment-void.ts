import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { checkVoid } from '../../domain/work-orders/movements';
import { writtenDetail } from './detail';
import { lockWorkOrder } from './locks';
import { moneyState } from './money-state';
import { followReversal } from './reversal';

export type VoidRequest = { paymentId: number; reason: string };

/**
 * Voids a payment taken by mistake: the payment row stays as it was, a void records who, when
 * and why, and it no longer counts toward what was paid. A paid work order that then owes
 * again goes back to invoiced. Under the work order's row lock, so of two voids of one payment
 * one wins and the other is a CONFLICT; a payment with refunds against it is a CONFLICT too.
 */
export async function voidPayment(prisma: PrismaClient, request: VoidRequest, by: SessionUser) {
  const { workOrderId, statusMove } = await prisma.$transaction(async (tx) => {
    const payment = await tx.payment.findUnique({
      where: { id: request.paymentId },
      select: { workOrderId: true, amountCents: true },
    });
    if (!payment) throw AppError.notFound('payment');
    const workOrder = await lockWorkOrder(tx, payment.workOrderId);
    const state = await moneyState(tx, workOrder.id);
    checkVoid(state.movements, request.paymentId);
    const at = new Date();
    await tx.paymentVoid.create({
      data: { paymentId: request.paymentId, reason: request.reason, voidedById: by.id, at },
    });
    const statusMove = await followReversal(tx, workOrder, {
      state,
      paidCents: state.paidCents - payment.amountCents,
      note: `Payment ${request.paymentId} voided: ${request.reason}`,
      byId: by.id,
      at,
    });
    return { workOrderId: workOrder.id, statusMove };
  });
  return { ...(await writtenDetail(prisma, workOrderId)), statusMove };
}
