import { AppError } from '../../app-error';

// Money that moved on a work order: payments (some voided) and refunds (against one payment or
// the work order as a whole). Rows are never edited or deleted; these rules decide what counts
// and what may still move.

export type PaymentState = { id: number; amountCents: number; voided: boolean };
export type RefundState = { paymentId: number | null; amountCents: number };
export type Movements = {
  payments: ReadonlyArray<PaymentState>;
  refunds: ReadonlyArray<RefundState>;
};

/** What the customer paid and was not given back: the payments not voided, less every refund. */
export function netPaid({ payments, refunds }: Movements): number {
  const paid = payments.reduce(
    (sum, payment) => sum + (payment.voided ? 0 : payment.amountCents),
    0,
  );
  return refunds.reduce((sum, refund) => sum - refund.amountCents, paid);
}

/** What is left of one payment to give back: nothing once voided, its amount less its refunds. */
function leftOf(movements: Movements, payment: PaymentState): number {
  if (payment.voided) return 0;
  return movements.refunds
    .filter((refund) => refund.paymentId === payment.id)
    .reduce((left, refund) => left - refund.amountCents, payment.amountCents);
}

/**
 * What may still be refunded: of the work order, what was paid net of voids and refunds; against
 * one payment, what is left of it, and never more than the work order's (a refund of the work
 * order as a whole may have given part of it back already).
 */
export function refundable(movements: Movements, paymentId?: number): number {
  const net = netPaid(movements);
  if (paymentId === undefined) return Math.max(0, net);
  const payment = movements.payments.find((each) => each.id === paymentId);
  return payment ? Math.max(0, Math.min(leftOf(movements, payment), net)) : 0;
}

/**
 * Checks a refund of `amountCents` (against `paymentId`, or the work order): a payment of this
 * work order not voided, an amount more than 0 and at most what may still be refunded.
 * Refusals are BAD_REQUEST naming the field.
 */
export function checkRefund(
  movements: Movements,
  request: { paymentId?: number | undefined; amountCents: number },
): void {
  const { paymentId, amountCents } = request;
  if (paymentId !== undefined) {
    const payment = movements.payments.find((each) => each.id === paymentId);
    if (!payment) throw AppError.badInput('paymentId', 'is not a payment of this work order');
    if (payment.voided) {
      throw AppError.badInput('paymentId', 'is voided: nothing of it was kept to refund');
    }
  }
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw AppError.badInput('amountCents', 'must be a whole number of cents, more than 0');
  }
  const limit = refundable(movements, paymentId);
  if (amountCents > limit) {
    const of = paymentId === undefined ? 'on this work order' : 'of this payment';
    throw AppError.badInput(
      'amountCents',
      `is more than what is left to refund ${of} (${limit} cents): a refund never exceeds what was paid`,
    );
  }
}

/**
 * Checks that payment `paymentId` (one of this work order's) may be voided: not voided already,
 * nothing refunded of it, and the refunds of the work order as a whole still covered by the
 * payments left. Refusals are CONFLICT.
 */
export function checkVoid(movements: Movements, paymentId: number): void {
  const payment = movements.payments.find((each) => each.id === paymentId);
  if (!payment) throw new AppError('CONFLICT', `payment ${paymentId} is not on this work order`);
  if (payment.voided) throw new AppError('CONFLICT', `payment ${paymentId} is already voided`);
  if (movements.refunds.some((refund) => refund.paymentId === paymentId)) {
    throw new AppError(
      'CONFLICT',
      `payment ${paymentId} has refunds against it: money was given back, so it cannot be voided as if it had never been paid`,
    );
  }
  if (netPaid(movements) - payment.amountCents < 0) {
    throw new AppError(
      'CONFLICT',
      `payment ${paymentId} cannot be voided: the refunds already given would then be more than was paid`,
    );
  }
}
