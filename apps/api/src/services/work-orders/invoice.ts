import { loadShopSettings, type PrismaClient, takeInvoiceNumber } from '@garage/db';
import type { SessionUser } from '../../auth/sessions';
import { workOrderTotals } from '../../work-orders/totals';
import { decideTransition, statusAfterPayment } from '../../work-orders/transitions';
import { type NextServiceRequest, setNextService } from '../reminders/set-next-service';
import { writtenDetail } from './detail';
import { lockWorkOrder } from './locks';
import { pricedLine } from './shape';

export type InvoiceRequest = {
  id: number;
  /** The vehicle's next service, by mileage, by date, or both. */
  nextService?: NextServiceRequest | undefined;
};

/**
 * Invoices a ready work order in one transaction under its row lock: the next invoice number,
 * a snapshot of the shop's settings (the invoice shows them as they were), the status change
 * and, when given, the vehicle's next service (a newer reminder completes the open one). A
 * work order whose total is 0 owes nothing, so it goes straight on to paid.
 */
export async function invoiceWorkOrder(
  prisma: PrismaClient,
  request: InvoiceRequest,
  by: SessionUser,
) {
  const settings = await loadShopSettings(prisma);
  const result = await prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, request.id);
    const lines = (
      await tx.workOrderLine.findMany({
        where: { workOrderId: workOrder.id },
        select: { quantity: true, unitPriceCents: true, taxRateBps: true, approval: true },
      })
    ).map(pricedLine);
    const invoiced = decideTransition({ status: workOrder.status, lines }, 'invoiced', 'invoice');
    const { totalCents } = workOrderTotals(lines);
    const paid = statusAfterPayment({ status: 'invoiced', lines, balanceDueCents: totalCents });
    const moves = paid === 'paid' ? [invoiced, { from: invoiced.to, to: paid }] : [invoiced];
    const at = new Date();
    const { updatedAt: _updatedAt, ...snapshot } = settings;
    await tx.workOrder.update({
      where: { id: workOrder.id },
      data: {
        status: paid,
        invoiceNumber: await takeInvoiceNumber(tx),
        invoicedAt: at,
        ...(paid === 'paid' ? { paidAt: at } : {}),
        invoiceSettings: snapshot,
        statusChanges: { create: moves.map((move) => ({ ...move, byId: by.id, at })) },
      },
    });
    const reminderSet = await setNextService(tx, request.nextService, {
      vehicleId: workOrder.vehicleId,
      workOrderId: workOrder.id,
      byId: by.id,
      at,
    });
    return { statusMove: { from: invoiced.from, to: paid }, reminderSet };
  });
  return { ...(await writtenDetail(prisma, request.id)), ...result };
}
