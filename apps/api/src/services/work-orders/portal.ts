import type { PrismaClient } from '@garage/db';
import { isOpen } from '../../domain/work-orders/status';
import { type Viewer, visibleTo } from '../../visibility/rules';
import { shopMoney } from './money';
import { workOrderSummarySelect } from './selects';
import { toSummary } from './shape';

/**
 * The work orders `viewer` may see (a customer's own: where they are the customer, so a car
 * sold since stays with its old owner's history and never reaches the new owner's), newest
 * first, split into those still in the shop and past ones. Without the staff's buttons.
 */
export async function workOrdersOfCustomer(prisma: PrismaClient, viewer: Viewer) {
  const [rows, shop] = await Promise.all([
    prisma.workOrder.findMany({
      where: visibleTo(viewer).workOrder,
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
