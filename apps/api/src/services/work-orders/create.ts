import type { Prisma, PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { writtenDetail } from './detail';
import { lockVehicle } from './locks';
import { recordReading } from './odometer';
import { ensureTechnician } from './technicians';

export type NewWorkOrder = {
  vehicleId: number;
  concern: string;
  odometerIn: number;
  /** The odometer-in reading is below the vehicle's mileage on purpose (a typo fixed). */
  odometerCorrection: boolean;
  technicianId?: number | undefined;
  promisedAt?: Date | undefined;
};

/**
 * Opens a work order in `estimate` for the vehicle's owner at this moment (a later sale never
 * moves it), records its odometer-in reading in the vehicle's log (the vehicle's mileage
 * follows) and its first status change, in one transaction under the vehicle's row lock.
 */
export async function createWorkOrder(prisma: PrismaClient, fields: NewWorkOrder, by: SessionUser) {
  const { id, recordedReading } = await prisma.$transaction((tx) => openWorkOrder(tx, fields, by));
  return { ...(await writtenDetail(prisma, id)), recordedReading };
}

/**
 * `createWorkOrder`'s writes inside the caller's transaction (an appointment's arrival opens
 * one with its own writes): the new work order's id and the reading it recorded.
 */
export async function openWorkOrder(
  tx: Prisma.TransactionClient,
  fields: NewWorkOrder,
  by: Pick<SessionUser, 'id'>,
) {
  const vehicle = await lockVehicle(tx, fields.vehicleId);
  if (!vehicle) throw AppError.badInput('vehicleId', 'no vehicle with this id');
  if (fields.technicianId !== undefined) await ensureTechnician(tx, fields.technicianId);
  const created = await tx.workOrder.create({
    data: {
      vehicleId: vehicle.id,
      customerId: vehicle.ownerId,
      status: 'estimate',
      concern: fields.concern,
      odometerIn: fields.odometerIn,
      technicianId: fields.technicianId ?? null,
      promisedAt: fields.promisedAt ?? null,
      statusChanges: { create: { from: null, to: 'estimate', byId: by.id } },
    },
    select: { id: true },
  });
  const recordedReading = await recordReading(tx, {
    vehicle,
    reading: fields.odometerIn,
    correction: fields.odometerCorrection,
    source: 'work_order_in',
    field: 'odometerIn',
    workOrderId: created.id,
    recordedById: by.id,
    mileageWrittenBy: 'edit',
  });
  return { id: created.id, recordedReading };
}
