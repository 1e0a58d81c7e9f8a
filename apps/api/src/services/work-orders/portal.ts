import type { PrismaClient } from '@garage/db';
import { isOpen } from '../../domain/work-orders/status';
import { shopMoney } from './money';
import { workOrderSummarySelect } from './selects';
import { toSummary } from './shape';

/**
 * A customer's own work orders, newest first, split into those still in the shop and past ones:
 * those where they are the customer (the owner when it was opened), so a car sold since stays
 * with its old owner's history and never reaches the new owner's. Without the staff's buttons.
 */
export async function workOrdersOfCustomer(prisma: PrismaClient, customerId: number) {
  const [rows, shop] = await Promise.all([
    prisma.workOrder.findMany({
      where: { customerId },
      orderBy: { id: 'desc' },
      select: workOrderSummarySelect,
    }),
    shopMoney(prisma),
  ]);
  const items = rows.map((row) => {
    const { nextStatuses: _staffButtons, ...summary } = toSummary(row, shop);
    return summary;
  });
  return {
    open: items.filter((item) => isOpen(item.status)),
    past: items.filter((item) => !isOpen(item.status)),
  };
}
