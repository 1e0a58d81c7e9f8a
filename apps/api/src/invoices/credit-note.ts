import type { PrismaClient } from '@garage/db';
import { netPaid } from '../domain/work-orders/movements';
import { movementsOf } from '../services/work-orders/shape';
import { type Viewer, visibleTo } from '../visibility/rules';
import { invoiceDocument } from './document';

/**
 * Credit note `id` for `viewer`, as its PDF shows it: the invoice it credits as that was issued
 * (shop, currency, bill-to, lines, totals), who issued it and why, and what had been paid on the
 * work order by then, if `viewer` may see it (the visibility rule: through its work order);
 * null otherwise, and for a missing one, alike.
 */
export async function creditNoteFor(prisma: PrismaClient, id: number, viewer: Viewer) {
  const row = await prisma.creditNote.findUnique({
    where: { id, AND: visibleTo(viewer).creditNote },
    select: {
      id: true,
      number: true,
      reason: true,
      issuedAt: true,
      invoice: true,
      workOrderId: true,
    },
  });
  if (!row) return null;
  const until = { workOrderId: row.workOrderId, at: { lte: row.issuedAt } };
  const [payments, refunds] = await Promise.all([
    prisma.payment.findMany({
      where: until,
      select: { id: true, amountCents: true, void: { select: { at: true } } },
    }),
    prisma.refund.findMany({ where: until, select: { paymentId: true, amountCents: true } }),
  ]);
  const paid = movementsOf({
    payments: payments.map((payment) => ({
      ...payment,
      void: payment.void && payment.void.at <= row.issuedAt ? payment.void : null,
    })),
    refunds,
  });
  return {
    id: row.id,
    number: row.number,
    reason: row.reason,
    issuedAt: row.issuedAt,
    invoice: invoiceDocument.parse(row.invoice),
    /** Paid on the work order when the invoice was credited (net of voids and refunds). */
    paidCents: netPaid(paid),
  };
}

/** A credit note as the PDF shows it. */
export type CreditNote = NonNullable<Awaited<ReturnType<typeof creditNoteFor>>>;
