import { AppError } from '../../app-error';

/** What is still owed: the total minus what was paid (net of voided payments and refunds). */
export function balanceDue(totalCents: number, paidCents: number): number {
  return totalCents - paidCents;
}

/**
 * Checks a new payment against the balance: a whole number of cents, more than 0 and at most the
 * balance due. Returns the balance after it.
 */
export function applyPayment(balanceDueCents: number, amountCents: number): number {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw AppError.badInput('amountCents', 'must be a whole number of cents, more than 0');
  }
  if (amountCents > balanceDueCents) {
    throw AppError.badInput(
      'amountCents',
      `is more than the balance due (${balanceDueCents} cents): overpayment is refused`,
    );
  }
  return balanceDueCents - amountCents;
}
