import type { PrismaClient, ShopSettings } from '../generated/prisma/client';
import { hashPassword } from '../password';
import { seedGeneratedAppointments } from './appointments';
import { seedDemoWeek } from './demo-week';
import { seedInspections } from './inspections';
import { type CustomerRow, customerRow, vehicleRow } from './rows';
import { demoBayCount, ensureLifts, seedScheduleSetup } from './schedule-setup';
import { reconcileVehicles, seedDemoWorkOrders, seedGeneratedWorkOrders } from './work-orders';

/** The password of every demo account (development only). */
export const demoPassword = 'garage-demo';

/**
 * The demo accounts of the design; alice and bob are customers owning vehicles, tom and rita
 * staff members who are also the shop's technicians.
 */
export const demoAccounts = [
  { email: 'admin@garage.test', name: 'Ada Admin', role: 'admin' },
  { email: 'staff@garage.test', name: 'Sam Staff', role: 'staff' },
  { email: 'alice@garage.test', name: 'Alice Martin', role: 'customer', vehicles: 2 },
  { email: 'bob@garage.test', name: 'Bob Okafor', role: 'customer', vehicles: 3 },
  { email: 'tom@garage.test', name: 'Tom Torres', role: 'staff', technician: true },
  { email: 'rita@garage.test', name: 'Rita Kowalski', role: 'staff', technician: true },
] as const;

/** The demo shop: a Texas garage, so DESIGN.md's 8.25 % example is its default tax rate. */
export const demoShopSettings = {
  name: 'Springfield Auto Care',
  address: '118 Station Road, Springfield, TX 75001',
  phone: '+1 555-010-2040',
  defaultLaborRateCents: 12_000,
  defaultTaxRateBps: 825,
  currency: 'USD',
  locale: 'en-US',
  timeZone: 'America/Chicago',
} satisfies Partial<ShopSettings>;

// Generated customers are recognisable by this email domain; demo vehicles use serial numbers
// from the top of the range, so they never collide with generated ones.
const generatedDomain = '@example.com';
const demoVehicleIndexBase = 999_000;
const batchSize = 1_000;

export type SeedOptions = {
  /** Generated customers the database should hold (besides the demo ones). */
  customers?: number;
  /** Generated vehicles the database should hold, spread over the generated customers. */
  vehicles?: number;
  /** Generated work orders the database should hold (besides alice's and bob's). */
  workOrders?: number;
  /** Generated appointments the database should hold, over a year around `now` (besides the demo week). */
  appointments?: number;
  /** The moment the demo history leads up to (work orders opened "today", paid "last year"). */
  now?: Date;
  /** NODE_ENV; the demo password is refused in production. */
  nodeEnv?: string;
};

export type SeedReport = {
  demoAccounts: number;
  customers: number;
  vehicles: number;
  workOrders: number;
  appointments: number;
};

/** Seeding was asked for where the well-known demo password must never exist. */
export class SeedRefusedError extends Error {
  constructor() {
    super(
      `refusing to seed: the demo accounts use the published password "${demoPassword}", and NODE_ENV is production`,
    );
    this.name = 'SeedRefusedError';
  }
}

/**
 * Deterministic demo data: the demo accounts (once), then generated customers and vehicles up
 * to the requested counts. Running it again adds only what is missing.
 */
export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedReport> {
  if (options.nodeEnv === 'production') throw new SeedRefusedError();
  const demo = await seedDemoAccounts(prisma);
  const customers = await seedCustomers(prisma, options.customers ?? 40);
  const vehicles = await seedVehicles(prisma, options.vehicles ?? 60);
  const now = options.now ?? new Date();
  const workOrders = await seedWorkOrders(prisma, options.workOrders ?? 24, now);
  const appointments = await seedSchedule(prisma, options.appointments ?? 0, now);
  return { demoAccounts: demo, customers, vehicles, workOrders, appointments };
}

const userId = async (prisma: PrismaClient, email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/**
 * The shop's lifts and hours, the demo week around `now` (once), then generated appointments up
 * to `target`. Returns how many appointments were made.
 */
async function seedSchedule(prisma: PrismaClient, target: number, now: Date): Promise<number> {
  const { timeZone } = await prisma.shopSettings.findUniqueOrThrow({ where: { id: 1 } });
  const staffId = await userId(prisma, 'staff@garage.test');
  const technicianIds = [
    await userId(prisma, 'tom@garage.test'),
    await userId(prisma, 'rita@garage.test'),
  ] as const;
  const bob = await prisma.user.findUniqueOrThrow({
    where: { email: 'bob@garage.test' },
    select: { id: true, customerId: true },
  });
  const opening = await seedScheduleSetup(prisma, technicianIds);
  const lifts = await ensureLifts(prisma, demoBayCount);
  const generated = await prisma.vehicle.findMany({
    where: { owner: { email: { endsWith: generatedDomain } } },
    orderBy: { id: 'asc' },
    take: 10,
    select: { id: true, ownerId: true },
  });
  const week = bob.customerId
    ? await seedDemoWeek(prisma, {
        now,
        timeZone,
        opening,
        lifts,
        staffId,
        technicianIds,
        bob: { userId: bob.id, customerId: bob.customerId },
        generated,
        domain: generatedDomain,
      })
    : 0;
  const volume = await seedGeneratedAppointments(prisma, {
    target,
    now,
    timeZone,
    opening,
    technicianIds,
    domain: generatedDomain,
  });
  return week + volume;
}

async function seedWorkOrders(prisma: PrismaClient, target: number, now: Date): Promise<number> {
  await prisma.shopSettings.createMany({
    data: [{ id: 1, ...demoShopSettings }],
    skipDuplicates: true,
  });
  const settings = await prisma.shopSettings.findUniqueOrThrow({ where: { id: 1 } });
  const staff = {
    staffId: await userId(prisma, 'staff@garage.test'),
    technicianIds: [
      await userId(prisma, 'tom@garage.test'),
      await userId(prisma, 'rita@garage.test'),
    ] as const,
  };
  const demo = await seedDemoWorkOrders(prisma, {
    now,
    staff,
    settings,
    customers: { alice: 'alice@garage.test', bob: 'bob@garage.test' },
  });
  const generated = await seedGeneratedWorkOrders(prisma, {
    target,
    now,
    staff,
    settings,
    domain: generatedDomain,
  });
  await reconcileVehicles(prisma);
  await seedInspections(prisma);
  return demo + generated;
}

/** Seeds the default data set when the database has no user at all (first start). */
export async function seedIfEmpty(
  prisma: PrismaClient,
  options: SeedOptions = {},
): Promise<SeedReport | null> {
  if ((await prisma.user.count()) > 0) return null;
  return seed(prisma, options);
}

async function seedDemoAccounts(prisma: PrismaClient): Promise<number> {
  const existing = await prisma.user.findMany({
    where: { email: { in: demoAccounts.map((account) => account.email) } },
    select: { email: true },
  });
  const missing = demoAccounts.filter(
    (account) => !existing.some((user) => user.email === account.email),
  );
  const passwordHash = missing.length > 0 ? await hashPassword(demoPassword) : '';
  let vehicleIndex = demoVehicleIndexBase;
  for (const account of demoAccounts) {
    const ownVehicles = 'vehicles' in account ? account.vehicles : 0;
    if (!missing.includes(account)) {
      vehicleIndex += ownVehicles;
      continue;
    }
    const customer =
      account.role === 'customer'
        ? await prisma.customer.create({
            data: {
              ...customerRow(vehicleIndex),
              name: account.name,
              email: account.email,
              vehicles: {
                create: Array.from({ length: ownVehicles }, (_, k) => vehicleRow(vehicleIndex + k)),
              },
            },
          })
        : null;
    vehicleIndex += ownVehicles;
    await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        isTechnician: 'technician' in account && account.technician,
        passwordHash,
        customerId: customer?.id ?? null,
      },
    });
  }
  return missing.length;
}

async function seedCustomers(prisma: PrismaClient, target: number): Promise<number> {
  const existing = await prisma.customer.count({ where: { email: { endsWith: generatedDomain } } });
  for (let start = existing; start < target; start += batchSize) {
    const rows: CustomerRow[] = [];
    for (let index = start; index < Math.min(target, start + batchSize); index++) {
      rows.push(customerRow(index));
    }
    // Emails are unique: one typed in by hand may already hold a generated one; skip it.
    await prisma.customer.createMany({ data: rows, skipDuplicates: true });
  }
  return Math.max(0, target - existing);
}

async function seedVehicles(prisma: PrismaClient, target: number): Promise<number> {
  const owners = await prisma.customer.findMany({
    where: { email: { endsWith: generatedDomain } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (owners.length === 0 || target === 0) return 0;
  const existing = await prisma.vehicle.count({
    where: { owner: { email: { endsWith: generatedDomain } } },
  });
  let created = 0;
  for (let start = existing; start < target; start += batchSize) {
    const rows = [];
    for (let index = start; index < Math.min(target, start + batchSize); index++) {
      const owner = owners[index % owners.length];
      if (owner) rows.push({ ...vehicleRow(index), ownerId: owner.id });
    }
    // A VIN typed in by hand may already hold a generated serial; skip it rather than fail.
    const { count } = await prisma.vehicle.createMany({ data: rows, skipDuplicates: true });
    created += count;
  }
  return created;
}
