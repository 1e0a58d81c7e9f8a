import { loadShopSettings, type Prisma, type PrismaClient } from '@garage/db';
import { describeFitment, fits, openStatuses } from '@garage/validators';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { linesOf } from '../saved-jobs/insert';
import { getSavedJob } from '../saved-jobs/list';
import { openWorkOrder } from '../work-orders/create';
import { writtenDetail } from '../work-orders/detail';
import { addLinesInside } from '../work-orders/lines';
import { lockVehicle } from '../work-orders/locks';
import type { RecordedReading } from '../work-orders/odometer';

/** The newest work order still in the shop for the vehicle and its owner now, if any. */
async function openWorkOrderOf(tx: Prisma.TransactionClient, vehicleId: number, ownerId: number) {
  return tx.workOrder.findFirst({
    where: { vehicleId, customerId: ownerId, status: { in: [...openStatuses] } },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
}

/**
 * "Due soon"'s one click: a saved job for a reminder's service, inserted into the vehicle's open
 * work order (the newest one still in the shop for its owner now), or into one opened for the
 * service (its concern the service, its odometer-in the vehicle's mileage). One transaction:
 * a work order is never opened without the job, and two clicks racing open one work order (the
 * second finds the first under the vehicle's lock). The lines are priced as typed ones.
 */
export async function insertSavedJobForReminder(
  prisma: PrismaClient,
  input: { reminderId: number; savedJobId: number },
  by: Pick<SessionUser, 'id'>,
) {
  const [job, settings] = await Promise.all([
    getSavedJob(prisma, input.savedJobId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw AppError.badInput('savedJobId', 'is not a saved job');
      }
      throw error;
    }),
    loadShopSettings(prisma),
  ]);
  const written = await prisma.$transaction(async (tx) => {
    const reminder = await tx.serviceReminder.findUnique({
      where: { id: input.reminderId },
      select: {
        description: true,
        completedAt: true,
        vehicle: { select: { id: true, ownerId: true, make: true, model: true, year: true } },
      },
    });
    if (!reminder) throw AppError.notFound('service reminder');
    if (reminder.completedAt) {
      throw new AppError('CONFLICT', 'this service reminder is done: a newer one replaced it');
    }
    const { vehicle } = reminder;
    if (!fits(job, vehicle)) {
      throw AppError.badInput('savedJobId', `fits ${describeFitment(job)} only`);
    }
    let workOrder = await openWorkOrderOf(tx, vehicle.id, vehicle.ownerId);
    let recordedReading: RecordedReading | null = null;
    if (!workOrder) {
      const locked = await lockVehicle(tx, vehicle.id);
      if (!locked) throw AppError.notFound('service reminder');
      workOrder = await openWorkOrderOf(tx, locked.id, locked.ownerId);
      if (!workOrder) {
        const opened = await openWorkOrder(
          tx,
          {
            vehicleId: locked.id,
            concern: reminder.description,
            odometerIn: locked.mileage,
            odometerCorrection: false,
          },
          by,
        );
        workOrder = { id: opened.id };
        recordedReading = opened.recordedReading;
      }
    }
    await addLinesInside(tx, settings, workOrder.id, linesOf(job));
    return { id: workOrder.id, opened: recordedReading !== null, recordedReading };
  });
  const { id, ...how } = written;
  return { ...(await writtenDetail(prisma, id)), ...how };
}
