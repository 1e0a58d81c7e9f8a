// Seeds work orders: alice's and bob's demo set once, then generated ones on the generated
// customers' vehicles up to a count. Afterwards every vehicle's mileage follows its latest
// odometer reading and each vehicle keeps one open service reminder, the newest.
import type {
  Prisma,
  PrismaClient,
  ShopSettings,
  WorkOrderStatus,
} from '../generated/prisma/client';
import { takeInvoiceNumber } from '../invoice-number';
import { between, pick, rowRandom } from './random';
import { demoScenarios, everyJob, type JobName, type Scenario } from './work-order-data';
import { type PlanContext, planWorkOrder } from './work-order-plan';

const batchSize = 200;

const statusCycle: ReadonlyArray<WorkOrderStatus> = [
  'estimate',
  'approved',
  'in_progress',
  'waiting_parts',
  'ready',
  'invoiced',
  'paid',
  'cancelled',
];

type Staff = { staffId: number; technicianIds: readonly [number, number] };
type SeedVehicle = PlanContext['vehicle'] & { ownerId: number };

/** The generated work order number `index`: its status cycles, so every status is present. */
export function generatedScenario(index: number): Scenario {
  const random = rowRandom('workOrder', index);
  const status = statusCycle[index % statusCycle.length] ?? 'estimate';
  const open = ['estimate', 'approved', 'in_progress', 'waiting_parts', 'ready'].includes(status);
  const daysAgo =
    status === 'invoiced'
      ? between(random, 1, 20)
      : open
        ? between(random, 0, 6)
        : between(random, 10, 420);
  const chosen: JobName[] = [];
  for (let count = between(random, 1, 3); chosen.length < count; ) {
    const job = pick(random, everyJob);
    if (!chosen.includes(job)) chosen.push(job);
  }
  const declinable = status !== 'estimate' && chosen.length > 1 && random() < 0.3;
  const declined =
    status === 'cancelled'
      ? [...chosen]
      : declinable
        ? [chosen[chosen.length - 1] ?? 'wipers']
        : [];
  const awaiting = (status === 'in_progress' || status === 'waiting_parts') && random() < 0.25;
  return {
    status,
    daysAgo,
    jobs: chosen,
    declined,
    addedAfterApproval: awaiting ? pick(random, everyJob) : undefined,
    waitedForParts: ['ready', 'invoiced', 'paid'].includes(status) && random() < 0.3,
    technician: status === 'estimate' || status === 'cancelled' ? null : random() < 0.5 ? 0 : 1,
    payments:
      status === 'paid'
        ? random() < 0.5
          ? 'two'
          : 'full'
        : random() < 0.5
          ? 'partial'
          : undefined,
    nextService:
      status === 'paid' && chosen.includes('oilService')
        ? { description: 'Oil and filter change', afterDays: 180, afterMiles: 5_000 }
        : undefined,
  };
}

async function createPlanned(
  prisma: PrismaClient,
  items: ReadonlyArray<{ scenario: Scenario; context: PlanContext }>,
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      for (const { scenario, context } of items) {
        const plan = planWorkOrder(scenario, context);
        const invoiceNumber = plan.invoiced ? await takeInvoiceNumber(tx) : null;
        await tx.workOrder.create({ data: { ...plan.data, invoiceNumber }, select: { id: true } });
      }
      await recordBillTo(tx);
    },
    { timeout: 120_000 },
  );
}

/**
 * Gives each seeded invoice the bill-to invoicing records (the customer and vehicle as they are
 * when it is issued, the odometer), in the shape apps/api's invoicing writes.
 */
async function recordBillTo(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`
    UPDATE "WorkOrder" AS w SET "invoiceBillTo" = jsonb_build_object(
      'customer', jsonb_build_object(
        'name', c."name", 'address', c."address", 'email', c."email", 'phone', c."phone"),
      'vehicle', jsonb_build_object(
        'plate', v."plate", 'vin', v."vin", 'make', v."make", 'model', v."model", 'year', v."year"),
      'odometerIn', w."odometerIn",
      'odometerOut', w."odometerOut"
    ) FROM "Customer" AS c, "Vehicle" AS v
    WHERE c."id" = w."customerId" AND v."id" = w."vehicleId"
      AND w."invoiceNumber" IS NOT NULL AND w."invoiceBillTo" IS NULL`;
}

/** alice's and bob's work orders, unless either already has one. Returns how many were made. */
export async function seedDemoWorkOrders(
  prisma: PrismaClient,
  options: {
    now: Date;
    staff: Staff;
    settings: ShopSettings;
    customers: Record<'alice' | 'bob', string>;
  },
): Promise<number> {
  const items: { scenario: Scenario; context: PlanContext }[] = [];
  for (const who of ['alice', 'bob'] as const) {
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: options.customers[who] },
      select: {
        id: true,
        customer: {
          select: {
            id: true,
            _count: { select: { workOrders: true } },
            vehicles: { orderBy: { id: 'asc' }, select: { id: true, vin: true, year: true } },
          },
        },
      },
    });
    const customer = user.customer;
    if (!customer || customer._count.workOrders > 0) return 0;
    for (const { vehicle: index, ...scenario } of demoScenarios[who]) {
      const vehicle = customer.vehicles[index];
      if (!vehicle) continue;
      items.push({
        scenario,
        context: {
          now: options.now,
          vehicle,
          customerId: customer.id,
          customerUserId: user.id,
          ...options.staff,
          settings: options.settings,
        },
      });
    }
  }
  await createPlanned(prisma, items);
  return items.length;
}

/**
 * Generated work orders on the generated customers' vehicles, up to `target` of them (the
 * ones already there count). Returns how many were made.
 */
export async function seedGeneratedWorkOrders(
  prisma: PrismaClient,
  options: { target: number; now: Date; staff: Staff; settings: ShopSettings; domain: string },
): Promise<number> {
  const vehicles: SeedVehicle[] = await prisma.vehicle.findMany({
    where: { owner: { email: { endsWith: options.domain } } },
    orderBy: { id: 'asc' },
    select: { id: true, vin: true, year: true, ownerId: true },
  });
  if (vehicles.length === 0) return 0;
  const existing = await prisma.workOrder.count({
    where: { customer: { email: { endsWith: options.domain } } },
  });
  for (let start = existing; start < options.target; start += batchSize) {
    const items = [];
    for (let index = start; index < Math.min(options.target, start + batchSize); index++) {
      const vehicle = pick(rowRandom('workOrderVehicle', index), vehicles);
      items.push({
        scenario: generatedScenario(index),
        context: {
          now: options.now,
          vehicle,
          customerId: vehicle.ownerId,
          customerUserId: null,
          ...options.staff,
          settings: options.settings,
        },
      });
    }
    await createPlanned(prisma, items);
  }
  return Math.max(0, options.target - existing);
}

/**
 * Restores two invariants after seeding: a vehicle's mileage is its latest odometer reading,
 * and a vehicle has at most one open service reminder (older open ones are completed when the
 * next one was set).
 */
export async function reconcileVehicles(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "Vehicle" AS v SET "mileage" = latest."reading", "updatedAt" = now()
    FROM (
      SELECT DISTINCT ON ("vehicleId") "vehicleId", "reading"
      FROM "OdometerReading" ORDER BY "vehicleId", "at" DESC, "id" DESC
    ) AS latest
    WHERE latest."vehicleId" = v."id" AND v."mileage" <> latest."reading"`;
  await prisma.$executeRaw`
    UPDATE "ServiceReminder" AS older SET "completedAt" = (
      SELECT min(newer."createdAt") FROM "ServiceReminder" AS newer
      WHERE newer."vehicleId" = older."vehicleId" AND newer."completedAt" IS NULL
        AND (newer."createdAt", newer."id") > (older."createdAt", older."id")
    )
    WHERE older."completedAt" IS NULL AND EXISTS (
      SELECT 1 FROM "ServiceReminder" AS newer
      WHERE newer."vehicleId" = older."vehicleId" AND newer."completedAt" IS NULL
        AND (newer."createdAt", newer."id") > (older."createdAt", older."id")
    )`;
}
