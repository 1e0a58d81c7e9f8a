import type { Prisma, PrismaClient } from '@garage/db';
import { AppError } from '../app-error';
import { fromDatabase } from '../database-errors';
import { requireVisible } from '../visibility/assert';
import { type Viewer, visibleTo } from '../visibility/rules';
import { type Page, toPage } from './page';
import { containsLiterally } from './search';
import { vehicleSelect } from './selects';
import { applyEdit, applyRemoval, type Stored } from './versions';
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

/**
 * One vehicle, if `viewer` may see it; the one answer of the visibility rule otherwise, whether
 * it exists or not (a customer learns nothing of others), cached or not.
 */
export async function getVehicle(prisma: PrismaClient, id: number, viewer: Viewer) {
  const vehicle = await prisma.vehicle.findUnique({
    where: { id, AND: visibleTo(viewer).vehicle },
    select: vehicleSelect,
  });
  return requireVisible(vehicle, viewer, 'vehicle');
}

/** The vehicles `viewer` may see: a customer's own, for the portal. */
export function vehiclesOf(prisma: PrismaClient, viewer: Viewer) {
  return prisma.vehicle.findMany({
    where: visibleTo(viewer).vehicle,
    orderBy: { id: 'asc' },
    select: vehicleSelect,
  });
}

async function ensureOwnerExists(prisma: PrismaClient | Prisma.TransactionClient, ownerId: number) {
  const owner = await prisma.customer.findUnique({ where: { id: ownerId }, select: { id: true } });
  if (!owner) throw AppError.badInput('ownerId', 'no customer with this id');
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
    throw fromDatabase(error, 'vehicle');
  }
}

/**
 * Updates a vehicle, possibly moving it to another owner, if it is still at `version` (CONFLICT
 * naming what changed since otherwise, nothing written). A new mileage is a reading of its
 * odometer log (source `vehicle_form`); lowering it (an odometer only goes up) needs
 * `allowMileageDecrease`, for correcting a typo, and is logged as a correction. Runs under the
 * vehicle's row lock, so it queues behind a work order recording a reading. Returns the vehicle,
 * the owner it had before (so both owners' cached views can be invalidated) and whether its
 * odometer log grew.
 */
export async function updateVehicle(
  prisma: PrismaClient,
  id: number,
  version: number,
  fields: Partial<VehicleFields>,
  options: { allowMileageDecrease: boolean; byId: number },
) {
  const { previousOwnerId, readingRecorded } = await prisma
    .$transaction(async (tx) => {
      const current = await lockVehicle(tx, id);
      if (!current) throw AppError.notFound('vehicle');
      const changed = await applyEdit(tx, {
        ...versioned(tx, id, version),
        changes: fields,
        byId: options.byId,
        // What only a change needs is checked once the version is: the new owner exists, a
        // lower mileage is confirmed.
        write: async (data) => {
          if (data.ownerId !== undefined) await ensureOwnerExists(tx, data.ownerId);
          if (
            data.mileage !== undefined &&
            data.mileage < current.mileage &&
            !options.allowMileageDecrease
          ) {
            throw AppError.badInput(
              'mileage',
              `is lower than the recorded ${current.mileage.toLocaleString('en')}; confirm the correction to lower it`,
            );
          }
          return tx.vehicle.updateMany({ where: { id, version }, data });
        },
      });
      const readingRecorded = changed.includes('mileage');
      if (readingRecorded && fields.mileage !== undefined) {
        await recordReading(tx, {
          vehicle: current,
          reading: fields.mileage,
          correction: fields.mileage < current.mileage,
          source: 'vehicle_form',
          field: 'mileage',
          workOrderId: null,
          recordedById: null,
          mileageWrittenBy: 'caller',
        });
      }
      return { previousOwnerId: current.ownerId, readingRecorded };
    })
    .catch((error: unknown) => {
      throw fromDatabase(error, 'vehicle');
    });
  const vehicle = await prisma.vehicle.findUniqueOrThrow({ where: { id }, select: vehicleSelect });
  return { ...vehicle, previousOwnerId, readingRecorded };
}

/** Deletes a vehicle still at `version`; one with work orders is kept (CONFLICT). */
export async function deleteVehicle(prisma: PrismaClient, id: number, version: number) {
  const removed = await applyRemoval(prisma, {
    ...versioned(prisma, id, version),
    remove: () =>
      prisma.vehicle.delete({ where: { id, version }, select: { id: true } }).then(
        () => true,
        (error: unknown) => {
          const refused = fromDatabase(error, 'vehicle');
          // Not at `version` any more (or gone): the removal tells which.
          if (refused instanceof AppError && refused.code === 'NOT_FOUND') return false;
          throw refused;
        },
      ),
  });
  return { id, ownerId: removed.values.ownerId };
}

/** What an edit of a vehicle may change, as stored, with its owner's name. */
function versioned(tx: Prisma.TransactionClient, id: number, basedOn: number) {
  return {
    record: 'vehicle' as const,
    noun: 'vehicle',
    id,
    basedOn,
    load: async (): Promise<Stored<Required<VehicleFields>> | null> => {
      const row = await tx.vehicle.findUnique({
        where: { id },
        select: {
          version: true,
          ownerId: true,
          vin: true,
          plate: true,
          make: true,
          model: true,
          year: true,
          mileage: true,
          colour: true,
          notes: true,
          owner: { select: { name: true } },
        },
      });
      if (!row) return null;
      const { version, owner, ...values } = row;
      return { version, values, names: { ownerId: owner.name } };
    },
  };
}
