import type { Prisma } from '@garage/db';
import { AppError } from '../../app-error';
import { toDateColumn } from '../../domain/work-orders/calendar-days';

/** A vehicle's next service as invoicing sets it: at a mileage, by a calendar date, or both. */
export type NextServiceRequest = { mileage?: number | undefined; date?: string | undefined };

/**
 * Sets the vehicle's next service inside the invoicing transaction (a newer reminder completes
 * the open one); true when one was set. A mileage at or below the vehicle's current reading is
 * a mark already passed, due at once: BAD_REQUEST naming `nextService.mileage`, and the whole
 * transaction, invoice included, is undone.
 */
export async function setNextService(
  tx: Prisma.TransactionClient,
  next: NextServiceRequest | undefined,
  invoiced: { vehicleId: number; workOrderId: number; byId: number; at: Date },
): Promise<boolean> {
  if (next === undefined || (next.mileage === undefined && next.date === undefined)) return false;
  if (next.mileage !== undefined) {
    const { mileage } = await tx.vehicle.findUniqueOrThrow({
      where: { id: invoiced.vehicleId },
      select: { mileage: true },
    });
    if (next.mileage <= mileage) {
      throw AppError.badInput(
        'nextService.mileage',
        `must be more than the vehicle's current reading (${mileage.toLocaleString('en')})`,
      );
    }
  }
  await tx.serviceReminder.updateMany({
    where: { vehicleId: invoiced.vehicleId, completedAt: null },
    data: { completedAt: invoiced.at },
  });
  await tx.serviceReminder.create({
    data: {
      vehicleId: invoiced.vehicleId,
      workOrderId: invoiced.workOrderId,
      description: 'Next service',
      dueMileage: next.mileage ?? null,
      dueDate: next.date === undefined ? null : toDateColumn(next.date),
      setById: invoiced.byId,
    },
  });
  return true;
}
