import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { isAwaitingApproval } from '../../domain/work-orders/transitions';
import { lockWorkOrder } from '../work-orders/locks';
import { moneyState } from '../work-orders/money-state';
import { createEstimateLink } from './estimate-links';
import { type MessageAddresses, writeMessage } from './outbox';

/** The address an estimate link opens: the approval page of its one work order. */
export function estimateLinkUrl(addresses: MessageAddresses, token: string): string {
  return `${addresses.webUrl}/estimate/${token}`;
}

/**
 * Marks the estimate ready for the customer's approval: a new link to its approval page (the
 * work order's earlier links stop working) and the message carrying it, written in one
 * transaction under the work order's lock. Only while a line awaits the customer's decision
 * (CONFLICT otherwise, nothing written).
 */
export async function markEstimateReady(
  prisma: PrismaClient,
  workOrderId: number,
  by: SessionUser,
  addresses: MessageAddresses,
) {
  return prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, workOrderId);
    const { lines } = await moneyState(tx, workOrder.id);
    if (!isAwaitingApproval({ status: workOrder.status, lines })) {
      throw new AppError(
        'CONFLICT',
        `work order is ${workOrder.status}: no line awaits the customer's decision`,
        { data: { status: workOrder.status } },
      );
    }
    const token = await createEstimateLink(tx, workOrder.id, by.id);
    const message = await writeMessage(
      tx,
      {
        kind: 'estimate',
        customerId: workOrder.customerId,
        workOrderId: workOrder.id,
        secretLink: estimateLinkUrl(addresses, token),
      },
      addresses,
    );
    return { workOrderId: workOrder.id, customerId: workOrder.customerId, message };
  });
}

/** A message staff write by hand from a work order, to its customer. */
export async function sendManualMessage(
  prisma: PrismaClient,
  request: { workOrderId: number; subject: string; body: string },
  by: SessionUser,
  addresses: MessageAddresses,
) {
  return prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, request.workOrderId);
    const message = await writeMessage(
      tx,
      {
        kind: 'manual',
        customerId: workOrder.customerId,
        workOrderId: workOrder.id,
        sentById: by.id,
        values: { subject: request.subject, message: request.body },
      },
      addresses,
    );
    return { workOrderId: workOrder.id, customerId: workOrder.customerId, message };
  });
}
