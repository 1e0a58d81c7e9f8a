import { vinProblem } from '@garage/validators';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/client';
import { verifyPassword } from '../src/password';
import { customerRow } from '../src/seed/rows';
import { demoAccounts, demoPassword, SeedRefusedError, seed, seedIfEmpty } from '../src/seed/seed';
import { freshDatabase } from './support/fresh-database';

/** Every seeded row without ids, timestamps or password hashes (salted, so never equal). */
async function snapshot(db: Database) {
  const customers = await db.prisma.customer.findMany({
    orderBy: { id: 'asc' },
    omit: { id: true, createdAt: true, updatedAt: true },
  });
  const vehicles = await db.prisma.vehicle.findMany({
    orderBy: { id: 'asc' },
    omit: { id: true, createdAt: true, updatedAt: true, ownerId: true },
    include: { owner: { select: { email: true } } },
  });
  const users = await db.prisma.user.findMany({
    orderBy: { id: 'asc' },
    select: {
      email: true,
      name: true,
      role: true,
      isTechnician: true,
      customer: { select: { email: true } },
    },
  });
  const workOrders = await db.prisma.workOrder.findMany({
    orderBy: { id: 'asc' },
    omit: { id: true, updatedAt: true, vehicleId: true, customerId: true, technicianId: true },
    include: {
      vehicle: { select: { vin: true } },
      customer: { select: { email: true } },
      technician: { select: { email: true } },
      lines: {
        orderBy: { position: 'asc' },
        omit: { id: true, workOrderId: true, updatedAt: true, decidedById: true },
      },
      payments: {
        orderBy: { at: 'asc' },
        omit: { id: true, workOrderId: true, recordedById: true },
      },
      statusChanges: { orderBy: { id: 'asc' }, omit: { id: true, workOrderId: true, byId: true } },
      odometerReadings: {
        orderBy: { id: 'asc' },
        omit: { id: true, workOrderId: true, vehicleId: true },
      },
      remindersSet: { omit: { id: true, workOrderId: true, vehicleId: true, setById: true } },
    },
  });
  const settings = await db.prisma.shopSettings.findMany({ omit: { updatedAt: true } });
  const appointments = await db.prisma.appointment.findMany({
    orderBy: { id: 'asc' },
    omit: {
      id: true,
      createdAt: true,
      updatedAt: true,
      customerId: true,
      vehicleId: true,
      bayId: true,
      technicianId: true,
      bookedById: true,
      workOrderId: true,
    },
    include: {
      vehicle: { select: { vin: true } },
      bay: { select: { name: true } },
      technician: { select: { email: true } },
      workOrder: { select: { number: true } },
    },
  });
  return { customers, vehicles, users, workOrders, settings, appointments };
}

const fixedNow = new Date('2026-11-20T16:00:00Z');

describe('seed', () => {
  it('is deterministic: the same input gives the same rows in two databases', async () => {
    const [a, b] = [await freshDatabase(), await freshDatabase()];
    const volume = {
      customers: 30,
      vehicles: 70,
      workOrders: 40,
      appointments: 300,
      now: fixedNow,
    };
    await seed(a.prisma, volume);
    await seed(b.prisma, volume);
    const [left, right] = [await snapshot(a), await snapshot(b)];
    expect(left.customers).toHaveLength(32);
    expect(left.vehicles).toHaveLength(75);
    expect(left.workOrders).toHaveLength(49);
    expect(left.appointments).toHaveLength(317);
    expect(left).toEqual(right);
  });

  it('creates the demo accounts with the demo password, alice and bob owning vehicles', async () => {
    const db = await freshDatabase();
    await seed(db.prisma, { customers: 5, vehicles: 5 });
    for (const account of demoAccounts) {
      const user = await db.prisma.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { customer: { include: { vehicles: true } } },
      });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, demoPassword)).toBe(true);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user.isTechnician).toBe('technician' in account);
      if (account.role === 'customer') {
        expect(user.customer?.vehicles.length).toBeGreaterThanOrEqual(2);
      } else {
        expect(user.customer).toBeNull();
      }
    }
  });

  it('generates valid, unique VINs', async () => {
    const db = await freshDatabase();
    await seed(db.prisma, { customers: 50, vehicles: 400 });
    const vehicles = await db.prisma.vehicle.findMany({ select: { vin: true } });
    expect(vehicles).toHaveLength(405);
    expect(vehicles.filter(({ vin }) => vinProblem(vin) !== null)).toEqual([]);
    expect(new Set(vehicles.map(({ vin }) => vin)).size).toBe(vehicles.length);
  });

  it('adds only what is missing when run again, and grows to larger counts', async () => {
    const db = await freshDatabase();
    await seed(db.prisma, { customers: 10, vehicles: 20 });
    expect(await seed(db.prisma, { customers: 10, vehicles: 20 })).toEqual({
      demoAccounts: 0,
      customers: 0,
      vehicles: 0,
      workOrders: 0,
      appointments: 0,
    });
    expect(await seed(db.prisma, { customers: 12, vehicles: 25, workOrders: 30 })).toEqual({
      demoAccounts: 0,
      customers: 2,
      vehicles: 5,
      workOrders: 6,
      appointments: 0,
    });
    expect(await db.prisma.customer.count()).toBe(14);
    expect(await db.prisma.vehicle.count()).toBe(30);
    expect(await db.prisma.workOrder.count()).toBe(39);
  });

  it('skips a generated customer whose email a customer typed in by hand already has', async () => {
    const db = await freshDatabase();
    await seed(db.prisma, { customers: 3, vehicles: 0 });
    // Counted among the generated ones (its domain), so generation goes on at number 4: its own.
    const next = customerRow(4);
    await db.prisma.customer.create({ data: { name: 'Typed By Hand', email: next.email } });
    await seed(db.prisma, { customers: 6, vehicles: 0 });
    const holders = await db.prisma.customer.findMany({ where: { email: next.email } });
    expect(holders.map((customer) => customer.name)).toEqual(['Typed By Hand']);
    expect(await db.prisma.customer.count({ where: { email: customerRow(5).email } })).toBe(1);
  });

  it('seedIfEmpty seeds a database without users and leaves a used one alone', async () => {
    const db = await freshDatabase();
    expect(await seedIfEmpty(db.prisma, { customers: 3, vehicles: 3 })).not.toBeNull();
    expect(await seedIfEmpty(db.prisma, { customers: 9, vehicles: 9 })).toBeNull();
    expect(await db.prisma.customer.count()).toBe(5);
  });

  it('is refused in production, before writing anything', async () => {
    const db = await freshDatabase();
    await expect(seed(db.prisma, { nodeEnv: 'production' })).rejects.toBeInstanceOf(
      SeedRefusedError,
    );
    expect(await db.prisma.user.count()).toBe(0);
  });
});
