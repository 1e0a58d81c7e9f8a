import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { checkRefund } from '../../domain/work-orders/movements';
import type { PaymentMethod } from '../../domain/work-orders/status';
import { writtenDetail } from './detail';
import { lockWorkOrder } from './locks';
import { currenciesPaidIn, type MoneyState, moneyState } from './money-state';
import { followReversal } from './reversal';

export type RefundRequest = {
  workOrderId: number;
  /** The payment given back (part of); omitted: the work order as a whole. */
  paymentId?: number | undefined;
  amountCents: number;
  method: PaymentMethod;
  reason: string;
};

/** The currency a refund gives money back in: its payment's, or the one the work order was paid in. */
function refundCurrency(state: MoneyState, paymentId: number | undefined): string {
  const payment = state.payments.find((each) => each.id === paymentId);
  if (payment) return payment.currency;
  const [only, ...others] = currenciesPaidIn(state);
  if (only === undefined || others.length > 0) {
    throw AppError.badInput(
      'paymentId',
      'is required: the payments on this work order are in several currencies, refund one of them',
    );
  }
  return only;
}

/**
 * Records money given back to the customer, against one payment or the work order, never more
 * than what is left of it (paid, net of voids and earlier refunds: BAD_REQUEST naming
 * `amountCents`, nothing written), in the currency it was paid in. Refunds of one work order
 * queue on its row lock, so two that together exceed what was paid cannot both pass. A paid
 * work order that then owes again goes back to invoiced.
 */
export async function recordRefund(prisma: PrismaClient, request: RefundRequest, by: SessionUser) {
  const statusMove = await prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, request.workOrderId);
    const state = await moneyState(tx, workOrder.id);
    checkRefund(state.movements, request);
    const at = new Date();
    const refund = await tx.refund.create({
      data: {
        workOrderId: workOrder.id,
        paymentId: request.paymentId ?? null,
        amountCents: request.amountCents,
        currency: refundCurrency(state, request.paymentId),
        method: request.method,
        reason: request.reason,
        recordedById: by.id,
        at,
      },
      select: { id: true },
    });
    return followReversal(tx, workOrder, {
      state,
      paidCents: state.paidCents - request.amountCents,
      note: `Refund ${refund.id}: ${request.reason}`,
      byId: by.id,
      at,
    });
  });
  return { ...(await writtenDetail(prisma, request.workOrderId)), statusMove };
}
