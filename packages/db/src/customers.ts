import { CustomerHasVehiclesError, mapPrismaError, RecordNotFoundError } from './errors';
import type { PrismaClient } from './generated/prisma/client';

/**
 * Deletes a customer who owns no vehicles. One who still does is refused with
 * CustomerHasVehiclesError, never cascaded: the foreign key (ON DELETE RESTRICT) backs this up
 * if a vehicle is added between the count and the delete.
 */
export async function deleteCustomer(prisma: PrismaClient, id: number): Promise<{ id: number }> {
  const customer = await prisma.customer.findUnique({
    where: { id },
    select: { id: true, _count: { select: { vehicles: true } } },
  });
  if (!customer) throw new RecordNotFoundError('customer');
  if (customer._count.vehicles > 0) throw new CustomerHasVehiclesError(customer._count.vehicles);
  try {
    await prisma.customer.delete({ where: { id } });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2003') {
      throw new CustomerHasVehiclesError(await prisma.vehicle.count({ where: { ownerId: id } }));
    }
    throw mapPrismaError(error, 'customer');
  }
  return { id };
}
