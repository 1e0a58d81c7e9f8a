import { type PrismaClient, RecordNotFoundError } from '@garage/db';
import { TRPCError } from '@trpc/server';
import type { SessionUser } from '../../auth/sessions';
import type { WorkOrderStatus } from '../../domain/work-orders/status';
import { shopMoney } from './money';
import { workOrderDetailSelect } from './selects';
import { toDetail } from './shape';

/**
 * One work order's page. Staff see any; a customer only those where they are the customer
 * (the owner when it was opened, whoever owns the vehicle now), FORBIDDEN otherwise, whether
 * it exists or not. Customers do not see the shop's internal notes, nor status buttons.
 */
export async function getWorkOrder(prisma: PrismaClient, id: number, viewer: SessionUser) {
  const [row, shop] = await Promise.all([
    prisma.workOrder.findUnique({ where: { id }, select: workOrderDetailSelect }),
    shopMoney(prisma),
  ]);
  if (viewer.role === 'customer') {
    if (!row || row.customer.id !== viewer.customerId) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'this work order is not yours' });
    }
    const noButtons: WorkOrderStatus[] = [];
    return { ...toDetail(row, shop), notes: null, nextStatuses: noButtons };
  }
  if (!row) throw new RecordNotFoundError('work order');
  return toDetail(row, shop);
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
