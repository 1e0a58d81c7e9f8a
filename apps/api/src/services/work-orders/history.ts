import { type PrismaClient, RecordNotFoundError } from '@garage/db';
import { TRPCError } from '@trpc/server';
import type { SessionUser } from '../../auth/sessions';
import { shownLineAmounts, shownTotals } from '../../domain/work-orders/totals';
import { nextServiceOf } from '../reminders/next-service';
import { moneyOfWorkOrder, shopMoney } from './money';
import { pricedLineSelect, readingSelect, workOrderVehicleSelect } from './selects';
import { pricedLine } from './shape';

/**
 * A vehicle's service history: its work orders (newest first), its odometer log, its
 * recommendations (declined lines, newest first) and its next service (or null). Staff see it all; the vehicle's owner sees
 * only the work orders where they were the customer, and the readings not taken on anyone
 * else's; anyone else is FORBIDDEN, whether the vehicle exists or not.
 */
export async function vehicleHistory(prisma: PrismaClient, vehicleId: number, viewer: SessionUser) {
  const vehicle = await prisma.vehicle.findUnique({
    where: { id: vehicleId },
    select: { ...workOrderVehicleSelect, mileage: true, ownerId: true },
  });
  const ownersView = viewer.role === 'customer';
  if (ownersView && (!vehicle || vehicle.ownerId !== viewer.customerId)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'this vehicle is not yours' });
  }
  if (!vehicle) throw new RecordNotFoundError('vehicle');
  // The owner's own work orders: those of earlier owners stay theirs.
  const visible = ownersView ? { customerId: vehicle.ownerId } : {};
  const [workOrders, readings, nextService, shop] = await Promise.all([
    prisma.workOrder.findMany({
      where: { vehicleId, ...visible },
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
      where: {
        vehicleId,
        ...(ownersView
          ? { OR: [{ workOrderId: null }, { workOrder: { customerId: vehicle.ownerId } }] }
          : {}),
      },
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
