import { loadShopSettings, type PrismaClient, takeInvoiceNumber } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { balanceDue } from '../../domain/work-orders/balance';
import type { WorkOrderStatus } from '../../domain/work-orders/status';
import { workOrderTotals } from '../../domain/work-orders/totals';
import { decideTransition, statusAfterPayment } from '../../domain/work-orders/transitions';
import { type MessageAddresses, writeMessage } from '../messages/outbox';
import { type NextServiceRequest, setNextService } from '../reminders/set-next-service';
import { billToOf } from './bill-to';
import { writtenDetail } from './detail';
import { lockWorkOrder } from './locks';
import { currenciesPaidIn, type MoneyState, moneyState } from './money-state';

export type InvoiceRequest = {
  id: number;
  /** The vehicle's next service, by mileage, by date, or both. */
  nextService?: NextServiceRequest | undefined;
};

/**
 * Payments still on a work order whose invoice was credited count toward its next invoice (the
 * customer's money does not bounce for a paperwork correction). They must fit it: paid in the
 * currency it is issued in, and no more than its total; anything beyond is refunded first.
 */
function checkCarriedPayments(
  status: WorkOrderStatus,
  state: MoneyState,
  invoice: { totalCents: number; currency: string },
): void {
  if (state.paidCents <= 0) return;
  const others = [...currenciesPaidIn(state)].filter((code) => code !== invoice.currency);
  if (others.length > 0) {
    throw new AppError(
      'CONFLICT',
      `work order is ${status}: ${state.paidCents} cents paid in ${others.join(', ')} stay on it, and the shop now invoices in ${invoice.currency}: refund them first`,
      { data: { status } },
    );
  }
  if (state.paidCents > invoice.totalCents) {
    throw new AppError(
      'CONFLICT',
      `work order is ${status}: ${state.paidCents} cents already paid on it are more than its total of ${invoice.totalCents} cents: refund the difference first`,
      { data: { status } },
    );
  }
}

/**
 * Invoices a ready work order in one transaction under its row lock: the next invoice number,
 * snapshots of the shop's settings and of the bill-to (the invoice shows them as they were),
 * the status change and, when given, the vehicle's next service (a newer reminder completes
 * the open one). Payments kept from a credited invoice count toward this one; a work order
 * that then owes nothing (a total of 0, or paid already) goes straight on to paid.
 */
export async function invoiceWorkOrder(
  prisma: PrismaClient,
  request: InvoiceRequest,
  by: SessionUser,
  addresses: MessageAddresses,
) {
  const settings = await loadShopSettings(prisma);
  const result = await prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, request.id);
    const state = await moneyState(tx, workOrder.id);
    const { lines } = state;
    const invoiced = decideTransition({ status: workOrder.status, lines }, 'invoiced', 'invoice');
    const { totalCents } = workOrderTotals(lines);
    checkCarriedPayments(workOrder.status, state, { totalCents, currency: settings.currency });
    const paid = statusAfterPayment({
      status: 'invoiced',
      lines,
      balanceDueCents: balanceDue(totalCents, state.paidCents),
    });
    const invoiceNumber = await takeInvoiceNumber(tx);
    const moves = [
      { ...invoiced, note: `Invoice ${invoiceNumber}` },
      ...(paid === 'paid' ? [{ from: invoiced.to, to: paid }] : []),
    ];
    const at = new Date();
    const { updatedAt: _updatedAt, ...snapshot } = settings;
    await tx.workOrder.update({
      where: { id: workOrder.id },
      data: {
        status: paid,
        invoiceNumber,
        invoicedAt: at,
        ...(paid === 'paid' ? { paidAt: at } : {}),
        invoiceSettings: snapshot,
        invoiceBillTo: await billToOf(tx, workOrder.id),
        statusChanges: { create: moves.map((move) => ({ ...move, byId: by.id, at })) },
      },
    });
    const reminderSet = await setNextService(tx, request.nextService, {
      vehicleId: workOrder.vehicleId,
      workOrderId: workOrder.id,
      byId: by.id,
      at,
    });
    // The invoice's message commits with the invoice, or neither does (the outbox).
    const message = await writeMessage(
      tx,
      { kind: 'invoice', customerId: workOrder.customerId, workOrderId: workOrder.id },
      addresses,
    );
    return { statusMove: { from: invoiced.from, to: paid }, reminderSet, message };
  });
  return { ...(await writtenDetail(prisma, request.id)), ...result };
}
