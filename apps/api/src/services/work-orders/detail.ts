import type { PrismaClient } from '@garage/db';
import type { WorkOrderStatus } from '../../domain/work-orders/status';
import { requireVisible } from '../../visibility/assert';
import { type Viewer, visibleTo } from '../../visibility/rules';
import { shopMoney } from './money';
import { workOrderDetailSelect } from './selects';
import { toDetail } from './shape';

/**
 * One work order's page, if `viewer` may see it (staff any; a customer those where they are the
 * customer: the owner when it was opened, whoever owns the vehicle now); the visibility rule's
 * one answer otherwise, whether it exists or not. Customers do not see the shop's internal
 * notes, nor status buttons.
 */
export async function getWorkOrder(prisma: PrismaClient, id: number, viewer: Viewer) {
  const [row, shop] = await Promise.all([
    prisma.workOrder.findUnique({
      where: { id, AND: visibleTo(viewer).workOrder },
      select: workOrderDetailSelect,
    }),
    shopMoney(prisma),
  ]);
  const detail = toDetail(requireVisible(row, viewer, 'work order'), shop);
  if (viewer.role !== 'customer') return detail;
  const noButtons: WorkOrderStatus[] = [];
  return { ...detail, notes: null, nextStatuses: noButtons };
}

/**
 * The page of a work order just written, as staff see it, read once its transaction has
 * committed: the row locks are held no longer than the writes need, and Prisma loads the
 * nested relations in parallel, which one transaction's connection cannot.
 */
export async function writtenDetail(prisma: PrismaClient, id: number) {
  const [row, shop] = await Promise.all([
    prisma.workOrder.findUniqueOrThrow({ where: { id }, select: workOrderDetailSelect }),
    shopMoney(prisma),
  ]);
  return toDetail(row, shop);
}
