import { createDatabase } from '@garage/test-services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../src/client';
import { deleteCustomer } from '../src/customers';
import {
  CustomerHasVehiclesError,
  mapPrismaError,
  RecordNotFoundError,
  UniqueConflictError,
} from '../src/errors';
import { vehicleRow } from '../src/seed/rows';

let db: Database;

beforeAll(async () => {
  db = await openDatabase({ url: await createDatabase(inject('postgresUrl')) });
  await db.migrate();
});
afterAll(() => db.close());

let nextVehicleIndex = 500_000;

async function customerWithVehicles(count: number) {
  return db.prisma.customer.create({
    data: {
      name: `Owner of ${count}`,
      vehicles: { create: Array.from({ length: count }, () => vehicleRow(nextVehicleIndex++)) },
    },
    include: { vehicles: true },
  });
}

describe('a duplicate VIN', () => {
  it('maps to UniqueConflictError naming the vin field, and stores nothing', async () => {
    const owner = await customerWithVehicles(1);
    const taken = owner.vehicles[0];
    if (!taken) throw new Error('fixture has no vehicle');
    const before = await db.prisma.vehicle.count();

    const error = await db.prisma.vehicle
      .create({ data: { ...vehicleRow(1), vin: taken.vin, ownerId: owner.id } })
      .catch((caught: unknown) => mapPrismaError(caught, 'vehicle'));

    expect(error).toBeInstanceOf(UniqueConflictError);
    expect((error as UniqueConflictError).fields).toEqual(['vin']);
    expect((error as UniqueConflictError).code).toBe('UNIQUE_CONFLICT');
    expect(await db.prisma.vehicle.count()).toBe(before);
    await db.prisma.vehicle.deleteMany({ where: { ownerId: owner.id } });
    await db.prisma.customer.delete({ where: { id: owner.id } });
  });
});

describe('deleting a customer', () => {
  it('is refused while they own vehicles, with the count, and deletes nothing', async () => {
    const owner = await customerWithVehicles(2);

    const error = await deleteCustomer(db.prisma, owner.id).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CustomerHasVehiclesError);
    expect((error as CustomerHasVehiclesError).vehicleCount).toBe(2);
    expect((error as Error).message).toMatch(/still owns 2 vehicles/);
    expect(await db.prisma.customer.findUnique({ where: { id: owner.id } })).not.toBeNull();
    expect(await db.prisma.vehicle.count({ where: { ownerId: owner.id } })).toBe(2);
  });

  it('is refused by the database itself (no cascade) when the check is bypassed', async () => {
    const owner = await customerWithVehicles(1);
    const error = await db.prisma.customer
      .delete({ where: { id: owner.id } })
      .catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('P2003');
    expect(await db.prisma.vehicle.count({ where: { ownerId: owner.id } })).toBe(1);
  });

  it('succeeds once the vehicles are gone', async () => {
    const owner = await customerWithVehicles(1);
    await db.prisma.vehicle.deleteMany({ where: { ownerId: owner.id } });
    await expect(deleteCustomer(db.prisma, owner.id)).resolves.toEqual({ id: owner.id });
    expect(await db.prisma.customer.findUnique({ where: { id: owner.id } })).toBeNull();
  });

  it('of an unknown id is RecordNotFoundError', async () => {
    await expect(deleteCustomer(db.prisma, 987_654)).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});
