import type { OdometerSource, Prisma } from '@garage/db';
import { checkOdometerReading } from '../../domain/work-orders/odometer';
import { logEdit } from '../versions';
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
 * A new mileage is an edit of the vehicle (its version moves on, so a vehicle form opened
 * before is refused naming the mileage), unless the caller's own edit of the vehicle writes it.
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
    /** `edit`: this writes the new mileage; `caller`: the caller's edit of the vehicle does. */
    mileageWrittenBy: 'edit' | 'caller';
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
  if (mileageChanged && reading.mileageWrittenBy === 'edit') {
    const { version } = await tx.vehicle.update({
      where: { id: vehicle.id },
      data: { mileage: reading.reading, version: { increment: 1 } },
      select: { version: true },
    });
    await logEdit(tx, {
      record: 'vehicle',
      recordId: vehicle.id,
      version,
      fields: ['mileage'],
      byId: reading.recordedById,
    });
  }
  return { ...row, vehicleId: vehicle.id, mileageChanged };
}
