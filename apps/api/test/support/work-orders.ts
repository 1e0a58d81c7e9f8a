import { vinCheckDigit } from '@garage/validators';
import type { TestApi } from './harness';

let serial = 0;

/** A VIN with a valid check digit, different each call in a test process. */
export function freshVin(): string {
  const draft = `2T1BR32E0X${String(process.pid % 10)}${String(++serial).padStart(6, '0')}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

/** The customer record of a demo account (`alice`, `bob`). */
export async function customerIdOf(api: TestApi, who: string): Promise<number> {
  const user = await api.db.prisma.user.findUniqueOrThrow({
    where: { email: `${who}@garage.test` },
  });
  if (user.customerId === null) throw new Error(`${who} is not a customer`);
  return user.customerId;
}

/** The id of a demo technician (`tom`, `rita`). */
export async function userIdOf(api: TestApi, who: string): Promise<number> {
  return (await api.db.prisma.user.findUniqueOrThrow({ where: { email: `${who}@garage.test` } }))
    .id;
}

/** A new vehicle of `ownerId`, written straight to the database, with this mileage. */
export async function freshVehicle(api: TestApi, ownerId: number, mileage = 50_000) {
  return api.db.prisma.vehicle.create({
    data: {
      ownerId,
      vin: freshVin(),
      plate: `WO ${++serial}`,
      make: 'Toyota',
      model: 'Corolla',
      year: 2012,
      mileage,
    },
  });
}

/**
 * A work order of `customerId` on a new vehicle, in `status`, with one approved labour line of
 * `unitPriceCents` and no tax (total = the price), written straight to the database.
 */
export async function workOrderWithLine(
  api: TestApi,
  customerId: number,
  options: { status?: 'ready' | 'in_progress'; unitPriceCents?: number } = {},
) {
  const vehicle = await freshVehicle(api, customerId, 40_000);
  return api.db.prisma.workOrder.create({
    data: {
      vehicleId: vehicle.id,
      customerId,
      concern: 'Service',
      odometerIn: 40_000,
      status: options.status ?? 'ready',
      lines: {
        create: {
          position: 1,
          kind: 'labor',
          description: 'Oil change',
          quantity: '1',
          unitPriceCents: options.unitPriceCents ?? 10_000,
          taxRateBps: 0,
          approval: 'approved',
        },
      },
    },
    include: { lines: true, vehicle: true },
  });
}

/**
 * An estimate of `customerId` on a new vehicle, its one line (of `workOrderWithLine`) still
 * awaiting the customer's decision, written straight to the database.
 */
export async function estimateWithLine(api: TestApi, customerId: number) {
  const made = await workOrderWithLine(api, customerId);
  await api.db.prisma.workOrder.update({ where: { id: made.id }, data: { status: 'estimate' } });
  await api.db.prisma.workOrderLine.updateMany({
    where: { workOrderId: made.id },
    data: { approval: 'pending' },
  });
  return made;
}
