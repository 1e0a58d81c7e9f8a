import type { OdometerSource, Prisma } from '@garage/db';
import { checkOdometerReading } from '../../work-orders/odometer';
import type { lockVehicle } from './locks';

type LockedVehicle = NonNullable<Awaited<ReturnType<typeof lockVehicle>>>;

/** What recording a reading did: flagged or not, and whether the vehicle's mileage moved. */
export type RecordedReading = {
  id: number;
  vehicleId: number;
  reading: number;
  correction: boolean;
  implausible: boolean;
  mileageChanged: boolean;
};

/**
 * Adds a reading to the vehicle's odometer log and makes it the vehicle's mileage, inside the
 * caller's transaction and after it locked the vehicle. Below the mileage is refused (naming
 * `field`) unless marked a correction; an implausible jump from the previous reading is kept
 * and flagged. A vehicle with no reading yet is judged from the mileage it was registered with.
 */
export async function recordReading(
  tx: Prisma.TransactionClient,
  reading: {
    vehicle: LockedVehicle;
    reading: number;
    correction: boolean;
    source: OdometerSource;
    field: string;
    workOrderId: number | null;
    /** Null for a reading from the vehicle form, which does not record who typed it. */
    recordedById: number | null;
  },
): Promise<RecordedReading> {
  const { vehicle } = reading;
  const at = new Date();
  const latest = await tx.odometerReading.findFirst({
    where: { vehicleId: vehicle.id },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { reading: true, at: true },
  });
  const { implausible } = checkOdometerReading({
    field: reading.field,
    reading: reading.reading,
    at,
    correction: reading.correction,
    vehicleMileage: vehicle.mileage,
    previous: latest ?? { reading: vehicle.mileage, at: vehicle.createdAt },
  });
  const row = await tx.odometerReading.create({
    data: {
      vehicleId: vehicle.id,
      reading: reading.reading,
      at,
      source: reading.source,
      workOrderId: reading.workOrderId,
      // Only a reading that lowers the mileage is a correction; one marked so but not below
      // is an ordinary reading.
      correction: reading.correction && reading.reading < vehicle.mileage,
      implausible,
      recordedById: reading.recordedById,
    },
    select: { id: true, reading: true, correction: true, implausible: true },
  });
  const mileageChanged = reading.reading !== vehicle.mileage;
  if (mileageChanged) {
    await tx.vehicle.update({ where: { id: vehicle.id }, data: { mileage: reading.reading } });
  }
  return { ...row, vehicleId: vehicle.id, mileageChanged };
}
