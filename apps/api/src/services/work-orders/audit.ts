import type { Prisma } from '@garage/db';
import type { creditNoteSelect, paymentSelect, refundSelect } from './selects';

// The work order's audit list of money and documents: who took, voided or refunded what, who
// credited which invoice, when and why, oldest first. Status moves have their own history.

type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>;
type RefundRow = Prisma.RefundGetPayload<{ select: typeof refundSelect }>;
type CreditNoteRow = Prisma.CreditNoteGetPayload<{ select: typeof creditNoteSelect }>;
type Person = { id: number; name: string } | null;

export type AuditEntry = { key: string; at: Date; by: Person } & (
  | {
      kind: 'payment';
      paymentId: number;
      amountCents: number;
      currency: string;
      method: PaymentRow['method'];
    }
  | {
      kind: 'payment_voided';
      paymentId: number;
      amountCents: number;
      currency: string;
      reason: string;
    }
  | {
      kind: 'refund';
      refundId: number;
      paymentId: number | null;
      amountCents: number;
      currency: string;
      method: RefundRow['method'];
      reason: string;
    }
  | {
      kind: 'credit_note';
      creditNoteId: number;
      number: number;
      invoiceNumber: number;
      totalCents: number;
      currency: string;
      reason: string;
    }
);

/** Every payment, void, refund and credit note of a work order, oldest first. */
export function auditOf(rows: {
  payments: readonly PaymentRow[];
  refunds: readonly RefundRow[];
  creditNotes: readonly CreditNoteRow[];
}): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const payment of rows.payments) {
    const { id: paymentId, amountCents, currency } = payment;
    entries.push({
      key: `payment:${paymentId}`,
      kind: 'payment',
      at: payment.at,
      by: payment.recordedBy,
      paymentId,
      amountCents,
      currency,
      method: payment.method,
    });
    if (payment.void) {
      entries.push({
        key: `void:${paymentId}`,
        kind: 'payment_voided',
        at: payment.void.at,
        by: payment.void.voidedBy,
        paymentId,
        amountCents,
        currency,
        reason: payment.void.reason,
      });
    }
  }
  for (const refund of rows.refunds) {
    const { id: refundId, recordedBy, ...rest } = refund;
    entries.push({ key: `refund:${refundId}`, kind: 'refund', by: recordedBy, refundId, ...rest });
  }
  for (const note of rows.creditNotes) {
    const { id: creditNoteId, issuedAt, issuedBy, ...rest } = note;
    entries.push({
      key: `credit:${creditNoteId}`,
      kind: 'credit_note',
      at: issuedAt,
      by: issuedBy,
      creditNoteId,
      ...rest,
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
