import type { Prisma, PrismaClient } from '@garage/db';
import { openStatuses, type WorkOrderStatus } from '../../domain/work-orders/status';
import { type Page, toPage } from '../page';
import { containsLiterally } from '../search';
import { shopMoney } from './money';
import { workOrderSummarySelect } from './selects';
import { toSummary, type WorkOrderSummary } from './shape';

export type WorkOrderFilter = {
  status?: WorkOrderStatus[] | undefined;
  technicianId?: number | undefined;
  vehicleId?: number | undefined;
  customerId?: number | undefined;
  search?: string | undefined;
};

function whereOf(filter: WorkOrderFilter): Prisma.WorkOrderWhereInput {
  const { status, technicianId, vehicleId, customerId, search } = filter;
  return {
    ...(status ? { status: { in: status } } : {}),
    ...(technicianId ? { technicianId } : {}),
    ...(vehicleId ? { vehicleId } : {}),
    ...(customerId ? { customerId } : {}),
    ...(search
      ? {
          OR: [
            { number: containsLiterally(search) },
            { vehicle: { plate: containsLiterally(search) } },
            { customer: { name: containsLiterally(search) } },
            { concern: containsLiterally(search) },
          ],
        }
      : {}),
  };
}

/** Work orders, newest first, filtered; searched in number, plate, customer name and concern. */
export async function listWorkOrders(
  prisma: PrismaClient,
  query: WorkOrderFilter & { cursor?: number | null | undefined; limit: number },
): Promise<Page<WorkOrderSummary>> {
  const { cursor, limit, ...filter } = query;
  const [rows, shop] = await Promise.all([
    prisma.workOrder.findMany({
      where: whereOf(filter),
      orderBy: { id: 'desc' },
      take: limit + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: workOrderSummarySelect,
    }),
    shopMoney(prisma),
  ]);
  const page = toPage(rows, limit);
  return { ...page, items: page.items.map((row) => toSummary(row, shop)) };
}

/** The most cards a board column shows; `count` says how many the status holds. */
export const boardColumnLimit = 50;

/**
 * The board: one column per open status, in workflow order, each card a work order still in
 * the shop, the soonest promised first (those with no promise last, oldest first), at most
 * `boardColumnLimit` cards a column with the column's full count beside them.
 */
export async function workOrderBoard(prisma: PrismaClient) {
  const [columns, counts, shop] = await Promise.all([
    Promise.all(
      openStatuses.map((status) =>
        prisma.workOrder.findMany({
          where: { status },
          orderBy: [{ promisedAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
          take: boardColumnLimit,
          select: workOrderSummarySelect,
        }),
      ),
    ),
    prisma.workOrder.groupBy({
      by: ['status'],
      where: { status: { in: [...openStatuses] } },
      _count: { _all: true },
    }),
    shopMoney(prisma),
  ]);
  const countOf = new Map(counts.map((row) => [row.status, row._count._all]));
  return {
    columns: openStatuses.map((status, index) => ({
      status,
      cards: (columns[index] ?? []).map((row) => toSummary(row, shop)),
      count: countOf.get(status) ?? 0,
    })),
  };
}
