import { mapPrismaError, type Prisma, type PrismaClient, RecordNotFoundError } from '@garage/db';
import { TRPCError } from '@trpc/server';
import type { SessionUser } from '../auth/sessions';
import { FieldError } from '../errors';
import { type Page, toPage } from './page';
import { containsLiterally } from './search';
import { vehicleSelect } from './selects';
import { lockVehicle } from './work-orders/locks';
import { recordReading } from './work-orders/odometer';

export type VehicleFields = {
  ownerId: number;
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  mileage: number;
  /** Left undefined: not written (null on create, unchanged on update). */
  colour?: string | null;
  notes?: string | null;
};

/** Vehicles, newest first; searched in plate, VIN, make, model and the owner's name. */
export async function listVehicles(
  prisma: PrismaClient,
  query: {
    ownerId?: number | undefined;
    search?: string | undefined;
    cursor?: number | null | undefined;
    limit: number;
  },
) {
  const { ownerId, search, cursor, limit } = query;
  const rows = await prisma.vehicle.findMany({
    where: {
      ...(ownerId ? { ownerId } : {}),
      ...(search
        ? {
            OR: [
              { plate: containsLiterally(search) },
              { vin: containsLiterally(search) },
              { make: containsLiterally(search) },
              { model: containsLiterally(search) },
              { owner: { name: containsLiterally(search) } },
            ],
          }
        : {}),
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: vehicleSelect,
  });
  return toPage(rows, limit) satisfies Page<unknown>;
}

/** One vehicle; a customer may only load their own (FORBIDDEN otherwise, cached or not). */
export async function getVehicle(prisma: PrismaClient, id: number, viewer: SessionUser) {
  const vehicle = await prisma.vehicle.findUnique({ where: { id }, select: vehicleSelect });
  if (viewer.role === 'customer' && (!vehicle || vehicle.ownerId !== viewer.customerId)) {
    // The same answer whether the vehicle exists or not: a customer learns nothing of others.
    throw new TRPCError({ code: 'FORBIDDEN', message: 'this vehicle is not yours' });
  }
  if (!vehicle) throw new RecordNotFoundError('vehicle');
  return vehicle;
}

/** The vehicles of one customer, for the portal. */
export function vehiclesOf(prisma: PrismaClient, customerId: number) {
  return prisma.vehicle.findMany({
    where: { ownerId: customerId },
    orderBy: { id: 'asc' },
    select: vehicleSelect,
  });
}

async function ensureOwnerExists(prisma: PrismaClient | Prisma.TransactionClient, ownerId: number) {
  const owner = await prisma.customer.findUnique({ where: { id: ownerId }, select: { id: true } });
  if (!owner) throw new FieldError('ownerId', 'no customer with this id');
}

/** Registers a vehicle; the mileage it comes with is the first reading of its odometer log. */
export async function createVehicle(prisma: PrismaClient, fields: VehicleFields) {
  await ensureOwnerExists(prisma, fields.ownerId);
  try {
    return await prisma.vehicle.create({
      data: {
        ...fields,
        odometerReadings: { create: { reading: fields.mileage, source: 'vehicle_form' } },
      },
      select: vehicleSelect,
    });
  } catch (error) {
    throw mapPrismaError(error, 'vehicle');
  }
}

/**
 * Updates a vehicle, possibly moving it to another owner. A new mileage is a reading of its
 * odometer log (source `vehicle_form`); lowering it (an odometer only goes up) needs
 * `allowMileageDecrease`, for correcting a typo, and is logged as a correction. Runs under the
 * vehicle's row lock, so it queues behind a work order recording a reading. Returns the vehicle,
 * the owner it had before (so both owners' cached views can be invalidated) and whether its
 * odometer log grew.
 */
export async function updateVehicle(
  prisma: PrismaClient,
  id: number,
  fields: Partial<VehicleFields>,
  options: { allowMileageDecrease: boolean },
) {
  const { mileage, ...others } = fields;
  const { previousOwnerId, readingRecorded } = await prisma.$transaction(async (tx) => {
    const current = await lockVehicle(tx, id);
    if (!current) throw new RecordNotFoundError('vehicle');
    if (others.ownerId !== undefined && others.ownerId !== current.ownerId) {
      await ensureOwnerExists(tx, others.ownerId);
    }
    const readingRecorded = mileage !== undefined && mileage !== current.mileage;
    if (readingRecorded) {
      if (mileage < current.mileage && !options.allowMileageDecrease) {
        throw new FieldError(
          'mileage',
          `is lower than the recorded ${current.mileage.toLocaleString('en')}; confirm the correction to lower it`,
        );
      }
      await recordReading(tx, {
        vehicle: current,
        reading: mileage,
        correction: mileage < current.mileage,
        source: 'vehicle_form',
        field: 'mileage',
        workOrderId: null,
        recordedById: null,
      });
    }
    try {
      await tx.vehicle.update({ where: { id }, data: others, select: { id: true } });
    } catch (error) {
      throw mapPrismaError(error, 'vehicle');
    }
    return { previousOwnerId: current.ownerId, readingRecorded };
  });
  const vehicle = await prisma.vehicle.findUniqueOrThrow({ where: { id }, select: vehicleSelect });
  return { ...vehicle, previousOwnerId, readingRecorded };
}

export async function deleteVehicle(prisma: PrismaClient, id: number) {
  try {
    return await prisma.vehicle.delete({ where: { id }, select: { id: true, ownerId: true } });
  } catch (error) {
    throw mapPrismaError(error, 'vehicle');
  }
}
