import type { Prisma } from '@garage/db';
import { AppError } from '../../app-error';
import { assertEditable } from '../../domain/work-orders/editing';
import { lockWorkOrder } from '../work-orders/locks';

/**
 * An inspection item with its work order's row lock held (writes to one work order queue), or
 * NOT_FOUND; its work order must still be open.
 */
export async function lockItem(tx: Prisma.TransactionClient, itemId: number) {
  const owner = await tx.inspectionItem.findUnique({
    where: { id: itemId },
    select: { inspection: { select: { workOrderId: true } } },
  });
  if (!owner) throw AppError.notFound('inspection item');
  const workOrder = await lockWorkOrder(tx, owner.inspection.workOrderId);
  assertEditable(workOrder.status);
  // Read again under the lock.
  const item = await tx.inspectionItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      grade: true,
      label: true,
      unit: true,
      note: true,
      savedJobId: true,
      version: true,
      inspection: { select: { workOrderId: true, vehicleId: true } },
      _count: { select: { photos: true, lines: true } },
    },
  });
  if (!item) throw AppError.notFound('inspection item');
  return item;
}
