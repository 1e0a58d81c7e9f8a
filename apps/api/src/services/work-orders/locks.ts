import type { Prisma } from '@garage/db';
import { AppError } from '../../app-error';

// Writes to one work order (or one vehicle's odometer) take its row lock first, inside their
// transaction, so concurrent edits queue instead of deciding on what the other is changing.

/** Locks the work order's row until the transaction ends; NOT_FOUND when there is none. */
export async function lockWorkOrder(tx: Prisma.TransactionClient, id: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "WorkOrder" WHERE "id" = ${id} FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound('work order');
  return tx.workOrder.findUniqueOrThrow({
    where: { id },
    select: { id: true, status: true, vehicleId: true, customerId: true },
  });
}

/** Locks the vehicle's row (its mileage and odometer log) until the transaction ends. */
export async function lockVehicle(tx: Prisma.TransactionClient, id: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Vehicle" WHERE "id" = ${id} FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.vehicle.findUniqueOrThrow({
    where: { id },
    select: { id: true, ownerId: true, mileage: true, createdAt: true },
  });
}
