import type { PrismaClient } from '@garage/db';
import { visibleTo } from './rules';

/** What a customer may see, by id: what their live stream may hear of. */
export interface VisibleIds {
  /** The vehicles they may load: those they own now. */
  vehicles: ReadonlySet<number>;
  /** The work orders they may load, each with its vehicle (shown on it, whoever owns it now). */
  workOrders: ReadonlyMap<number, number>;
}

/** The ids of the rows customer `customerId` may see now, read through the one rule. */
export async function visibleIdsOfCustomer(
  prisma: PrismaClient,
  customerId: number,
): Promise<VisibleIds> {
  const visible = visibleTo({ role: 'customer', customerId });
  const [vehicles, workOrders] = await Promise.all([
    prisma.vehicle.findMany({ where: visible.vehicle, select: { id: true } }),
    prisma.workOrder.findMany({ where: visible.workOrder, select: { id: true, vehicleId: true } }),
  ]);
  return {
    vehicles: new Set(vehicles.map((vehicle) => vehicle.id)),
    workOrders: new Map(workOrders.map((workOrder) => [workOrder.id, workOrder.vehicleId])),
  };
}
