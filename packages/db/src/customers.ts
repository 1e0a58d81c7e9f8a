import {
  CustomerHasVehiclesError,
  CustomerHasWorkOrdersError,
  mapPrismaError,
  RecordNotFoundError,
} from './errors';
import type { PrismaClient } from './generated/prisma/client';

/**
 * Deletes a customer who owns no vehicles and has no work orders. One who still does is refused
 * with CustomerHasVehiclesError or CustomerHasWorkOrdersError, never cascaded: the foreign keys
 * (ON DELETE RESTRICT) back this up if a row is added between the count and the delete. With a
 * `version`, only the customer at that version is deleted (RecordNotFoundError otherwise).
 */
export async function deleteCustomer(
  prisma: PrismaClient,
  id: number,
  options: { version?: number } = {},
): Promise<{ id: number }> {
  const customer = await prisma.customer.findUnique({
    where: { id },
    select: { id: true, _count: { select: { vehicles: true, workOrders: true } } },
  });
  if (!customer) throw new RecordNotFoundError('customer');
  if (customer._count.vehicles > 0) throw new CustomerHasVehiclesError(customer._count.vehicles);
  if (customer._count.workOrders > 0) {
    throw new CustomerHasWorkOrdersError(customer._count.workOrders);
  }
  try {
    await prisma.customer.delete({ where: { id, version: options.version } });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2003') {
      const vehicles = await prisma.vehicle.count({ where: { ownerId: id } });
      if (vehicles > 0) throw new CustomerHasVehiclesError(vehicles);
      throw new CustomerHasWorkOrdersError(
        await prisma.workOrder.count({ where: { customerId: id } }),
      );
    }
    throw mapPrismaError(error, 'customer');
  }
  return { id };
}
