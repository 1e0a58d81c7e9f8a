import type { PrismaClient } from '@garage/db';
import { shownLineAmounts, shownTotals } from '../../domain/work-orders/totals';
import { requireVisible } from '../../visibility/assert';
import { type Viewer, visibleTo } from '../../visibility/rules';
import { nextServiceOf } from '../reminders/next-service';
import { moneyOfWorkOrder, shopMoney } from './money';
import { pricedLineSelect, readingSelect, workOrderVehicleSelect } from './selects';
import { pricedLine } from './shape';

/**
 * A vehicle's service history: its work orders (newest first), its odometer log, its
 * recommendations (declined lines, newest first) and its next service (or null), each as far as
 * `viewer` may see it (the visibility rule): staff see it all; the vehicle's owner only the work
 * orders where they were the customer, and the readings not taken on anyone else's. A vehicle
 * the viewer may not see gets the rule's one answer, whether it exists or not.
 */
export async function vehicleHistory(prisma: PrismaClient, vehicleId: number, viewer: Viewer) {
  const visible = visibleTo(viewer);
  const vehicle = requireVisible(
    await prisma.vehicle.findUnique({
      where: { id: vehicleId, AND: visible.vehicle },
      select: { ...workOrderVehicleSelect, mileage: true, ownerId: true },
    }),
    viewer,
    'vehicle',
  );
  const [workOrders, readings, nextService, shop] = await Promise.all([
    prisma.workOrder.findMany({
      where: { vehicleId, AND: visible.workOrder },
      orderBy: { id: 'desc' },
      select: {
        id: true,
        number: true,
        status: true,
        concern: true,
        odometerIn: true,
        odometerOut: true,
        createdAt: true,
        invoicedAt: true,
        invoiceSettings: true,
        customer: { select: { id: true, name: true } },
        lines: {
          select: {
            id: true,
            kind: true,
            description: true,
            partNumber: true,
            decidedAt: true,
            ...pricedLineSelect,
          },
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
        },
      },
    }),
    prisma.odometerReading.findMany({
      where: { vehicleId, AND: visible.odometerReading },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      select: { ...readingSelect, workOrder: { select: { id: true, number: true } } },
    }),
    nextServiceOf(prisma, vehicleId),
    shopMoney(prisma),
  ]);
  return {
    vehicle,
    workOrders: workOrders.map(({ lines, invoiceSettings, ...workOrder }) => ({
      ...workOrder,
      money: moneyOfWorkOrder({ invoiceSettings }, shop),
      totalCents: shownTotals(lines.map(pricedLine)).totalCents,
    })),
    odometerLog: readings,
    recommendations: workOrders.flatMap((workOrder) =>
      workOrder.lines
        .filter((line) => line.approval === 'declined')
        .map(({ approval: _declined, decidedAt, ...line }) => {
          const priced = pricedLine(line);
          return {
            ...priced,
            ...shownLineAmounts(priced),
            // Quoted on its work order: in that work order's currency.
            money: moneyOfWorkOrder(workOrder, shop),
            declinedAt: decidedAt,
            workOrder: { id: workOrder.id, number: workOrder.number },
          };
        }),
    ),
    nextService,
  };
}
