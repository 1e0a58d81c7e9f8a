import type { PrismaClient } from '@garage/db';
import { visibleIdsOfCustomer } from '../visibility/customer-ids';

/**
 * What of the shop a customer could have loaded, by id, as the one visibility rule has it: the
 * keys of the tags they may hear of (see registry.ts). A sold car stays in the reach of the
 * customer who ordered work on it, through that work order.
 */
export interface CustomerReach {
  customerId: number;
  /** Vehicles they may open: those they own now. */
  ownedVehicles: ReadonlySet<number>;
  /** Vehicles they own, and those their work orders show. */
  vehicles: ReadonlySet<number>;
  /** Work orders they may open: those where they are the customer. */
  workOrders: ReadonlySet<number>;
}

/** The customer's reach as the database has it now. */
export async function customerReach(
  prisma: PrismaClient,
  customerId: number,
): Promise<CustomerReach> {
  const visible = await visibleIdsOfCustomer(prisma, customerId);
  return {
    customerId,
    ownedVehicles: visible.vehicles,
    vehicles: new Set([...visible.vehicles, ...visible.workOrders.values()]),
    workOrders: new Set(visible.workOrders.keys()),
  };
}
