import { Prisma, type PrismaClient, takeCreditNoteNumber } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import type { WorkOrderStatus } from '../../domain/work-orders/status';
import { countsTowardTotals, lineAmounts, workOrderTotals } from '../../domain/work-orders/totals';
import { decideTransition } from '../../domain/work-orders/transitions';
import { billTo, invoiceShop, type StoredInvoiceDocument } from '../../invoices/document';
import { writtenDetail } from './detail';
import { lockWorkOrder } from './locks';
import { pricedLine } from './shape';

export type CreditRequest = { id: number; reason: string };

/**
 * The invoice of a locked, invoiced work order as it was issued, whole: its number and date,
 * the shop and bill-to snapshots, the lines it charged with their amounts, and its totals. Its
 * lines have not changed since (an invoiced work order is read-only), so this is the invoice.
 */
async function issuedInvoice(
  tx: Prisma.TransactionClient,
  workOrder: { id: number; status: WorkOrderStatus },
): Promise<StoredInvoiceDocument> {
  const row = await tx.workOrder.findUniqueOrThrow({
    where: { id: workOrder.id },
    select: {
      number: true,
      invoiceNumber: true,
      invoicedAt: true,
      invoiceSettings: true,
      invoiceBillTo: true,
      lines: {
        select: {
          kind: true,
          description: true,
          partNumber: true,
          quantity: true,
          unitPriceCents: true,
          taxRateBps: true,
          approval: true,
        },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      },
    },
  });
  const shop = invoiceShop.safeParse(row.invoiceSettings);
  const billed = billTo.safeParse(row.invoiceBillTo);
  if (row.invoiceNumber === null || row.invoicedAt === null || !shop.success || !billed.success) {
    throw new AppError(
      'CONFLICT',
      `work order is ${workOrder.status}: its invoice has no record of the shop or bill-to it was issued with, so it cannot be credited`,
      { data: { status: workOrder.status } },
    );
  }
  const lines = row.lines.map(pricedLine);
  return {
    number: row.invoiceNumber,
    issuedAt: row.invoicedAt.toISOString(),
    workOrderNumber: row.number,
    shop: shop.data,
    billTo: billed.data,
    lines: lines
      .filter(countsTowardTotals)
      .map(({ approval: _charged, ...line }) => ({ ...line, ...lineAmounts(line) })),
    totals: workOrderTotals(lines),
  };
}

/**
 * Credits a work order's invoice in full with a credit note: the next number of the credit
 * note series (gapless, like invoices), a copy of the invoice as issued (currency, bill-to,
 * lines, totals), who, when and why. The invoice itself is never edited: the work order lets
 * go of it and goes back to ready (see the transition table), where its lines can be corrected
 * and it is invoiced again under a new number.
 *
 * Payments already taken stay on the work order and count toward its next invoice: the
 * customer paid for work that was done, and a mistake on the paper should not bounce their
 * money. Invoicing again refuses them only if they no longer fit (another currency, more than
 * the new total): then the difference is refunded first. The credit note's PDF says so.
 */
export async function creditInvoice(prisma: PrismaClient, request: CreditRequest, by: SessionUser) {
  const statusMove = await prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, request.id);
    const lines = await tx.workOrderLine.findMany({
      where: { workOrderId: workOrder.id },
      select: { approval: true },
    });
    const move = decideTransition({ status: workOrder.status, lines }, 'ready', 'credit');
    const invoice = await issuedInvoice(tx, workOrder);
    const number = await takeCreditNoteNumber(tx);
    const at = new Date();
    await tx.creditNote.create({
      data: {
        number,
        workOrderId: workOrder.id,
        invoiceNumber: invoice.number,
        totalCents: invoice.totals.totalCents,
        currency: invoice.shop.currency,
        invoice,
        reason: request.reason,
        issuedById: by.id,
        issuedAt: at,
      },
    });
    await tx.workOrder.update({
      where: { id: workOrder.id },
      data: {
        status: move.to,
        invoiceNumber: null,
        invoicedAt: null,
        paidAt: null,
        invoiceSettings: Prisma.DbNull,
        invoiceBillTo: Prisma.DbNull,
        statusChanges: {
          create: {
            ...move,
            byId: by.id,
            at,
            note: `Invoice ${invoice.number} credited by credit note ${number}: ${request.reason}`,
          },
        },
      },
    });
    return move;
  });
  return { ...(await writtenDetail(prisma, request.id)), statusMove };
}
