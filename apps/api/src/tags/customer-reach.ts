import type { PrismaClient } from '@garage/db';

/**
 * What of the shop a customer could have loaded, by id: the keys of the tags they may hear of
 * (see registry.ts). A sold car stays in the reach of the customer who ordered work on it.
 */
export interface CustomerReach {
  customerId: number;
  /** Vehicles they own now. */
  ownedVehicles: ReadonlySet<number>;
  /** Vehicles they own, and those of their work orders. */
  vehicles: ReadonlySet<number>;
  /** Work orders where they are the customer. */
  workOrders: ReadonlySet<number>;
}

/** The customer's reach as the database has it now. */
export async function customerReach(
  prisma: PrismaClient,
  customerId: number,
): Promise<CustomerReach> {
  const [vehicles, workOrders] = await Promise.all([
    prisma.vehicle.findMany({ where: { ownerId: customerId }, select: { id: true } }),
    prisma.workOrder.findMany({ where: { customerId }, select: { id: true, vehicleId: true } }),
  ]);
  const ownedVehicles = new Set(vehicles.map((vehicle) => vehicle.id));
  return {
    customerId,
    ownedVehicles,
    vehicles: new Set([...ownedVehicles, ...workOrders.map((workOrder) => workOrder.vehicleId)]),
    workOrders: new Set(workOrders.map((workOrder) => workOrder.id)),
  };
}
