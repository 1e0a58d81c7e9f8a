import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { versionOf } from './support/versions';
import { customerIdOf, freshVehicle } from './support/work-orders';

// Each vehicle's next service in its history (the portal's "next service due"): set by
// invoicing, judged by the due-soon rule on the odometer log, and reaching cached histories
// (the owner's and the garage's) at once when invoicing or a new reading changes it.

const day = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * day);

describe('vehicle.history nextService', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice] = await Promise.all([api.as('staff'), api.as('admin'), api.as('alice')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  /** A vehicle driven 90 a day: 40,000 120 days ago, 49,000 20 days ago (alice's by default). */
  async function drivenVehicle(ownerId = aliceId) {
    const vehicle = await freshVehicle(api, ownerId, 49_000);
    await api.db.prisma.odometerReading.createMany({
      data: [
        { vehicleId: vehicle.id, reading: 40_000, at: daysFromNow(-120), source: 'manual' },
        { vehicleId: vehicle.id, reading: 49_000, at: daysFromNow(-20), source: 'manual' },
      ],
    });
    return vehicle;
  }

  /** An open reminder written straight to the database (before any history is cached). */
  async function remind(vehicleId: number, due: { dueMileage?: number; dueDate?: Date }) {
    await api.db.prisma.serviceReminder.create({
      data: { vehicleId, description: 'Oil change', ...due },
    });
  }

  /** A ready work order of alice's on `vehicleId` with one approved line (written directly). */
  async function readyWorkOrder(vehicleId: number, odometerIn: number) {
    return api.db.prisma.workOrder.create({
      data: {
        vehicleId,
        customerId: aliceId,
        concern: 'Service',
        odometerIn,
        status: 'ready',
        lines: {
          create: {
            position: 1,
            kind: 'labor',
            description: 'Oil change',
            quantity: '1',
            unitPriceCents: 5_000,
            taxRateBps: 0,
            approval: 'approved',
          },
        },
      },
    });
  }

  const nextServiceOf = async (client: Client, vehicleId: number) =>
    (await client.vehicle.history.query({ vehicleId })).nextService;

  it('shows the next service invoicing sets, to the owner and to staff, at once', async () => {
    const vehicle = await freshVehicle(api, aliceId, 40_000);
    expect(await nextServiceOf(alice, vehicle.id)).toBeNull();
    expect(await nextServiceOf(staff, vehicle.id)).toBeNull();

    const workOrder = await readyWorkOrder(vehicle.id, 40_000);
    await staff.workOrder.invoice.mutate({
      id: workOrder.id,
      nextService: { mileage: 45_000, date: '2031-06-01' },
    });
    const expected = {
      description: 'Next service',
      dueMileage: 45_000,
      dueDate: '2031-06-01',
      // The work order was written straight to the database: the log has no reading yet.
      predictedMileage: null,
      dueSoon: false,
    };
    expect(await nextServiceOf(alice, vehicle.id)).toEqual(expected);
    expect(await nextServiceOf(staff, vehicle.id)).toEqual(expected);
  });

  it('refuses a mileage at or below the current reading, naming it, and invoices nothing', async () => {
    const vehicle = await freshVehicle(api, aliceId, 96_127);
    const workOrder = await readyWorkOrder(vehicle.id, 96_127);
    for (const mileage of [100, 96_127]) {
      const invoice = () =>
        staff.workOrder.invoice.mutate({ id: workOrder.id, nextService: { mileage } });
      expect(await outcome(invoice())).toBe('BAD_REQUEST');
      expect(await fieldErrors(invoice())).toEqual({
        'nextService.mileage': ["must be more than the vehicle's current reading (96,127)"],
      });
    }
    expect(
      await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } }),
    ).toMatchObject({ status: 'ready', invoiceNumber: null });
    expect(await api.db.prisma.serviceReminder.count({ where: { vehicleId: vehicle.id } })).toBe(0);

    await staff.workOrder.invoice.mutate({ id: workOrder.id, nextService: { mileage: 96_128 } });
    expect(await nextServiceOf(alice, vehicle.id)).toMatchObject({ dueMileage: 96_128 });
  });

  it('replaces the next service when a later invoice sets another', async () => {
    const vehicle = await freshVehicle(api, aliceId, 40_000);
    const first = await readyWorkOrder(vehicle.id, 40_000);
    await staff.workOrder.invoice.mutate({ id: first.id, nextService: { mileage: 45_000 } });
    expect(await nextServiceOf(alice, vehicle.id)).toMatchObject({ dueMileage: 45_000 });

    const second = await readyWorkOrder(vehicle.id, 40_000);
    await staff.workOrder.invoice.mutate({
      id: second.id,
      nextService: { date: daysFromNow(10).toISOString().slice(0, 10) },
    });
    expect(await nextServiceOf(alice, vehicle.id)).toMatchObject({
      dueMileage: null,
      dueSoon: true,
    });
  });

  it.each([
    ['a date within 30 days', { dueDate: daysFromNow(10) }, true],
    ['a date 200 days away', { dueDate: daysFromNow(200) }, false],
    // Predicted today: 49,000 + 20 × 90 = 50,800.
    ['a mileage within 1,000 of the prediction', { dueMileage: 51_500 }, true],
    ['a mileage 4,200 past the prediction', { dueMileage: 55_000 }, false],
  ])('judges %s due soon: %s', async (_name, due, dueSoon) => {
    const vehicle = await drivenVehicle();
    await remind(vehicle.id, due);
    const next = await nextServiceOf(alice, vehicle.id);
    expect(next?.dueSoon).toBe(dueSoon);
    expect(next?.predictedMileage).toBeGreaterThanOrEqual(50_750);
    expect(next?.predictedMileage).toBeLessThanOrEqual(50_850);
  });

  it('brings a next service due at once when a new reading moves the prediction', async () => {
    const vehicle = await drivenVehicle();
    await remind(vehicle.id, { dueMileage: 55_000 });
    expect(await nextServiceOf(alice, vehicle.id)).toMatchObject({ dueSoon: false });

    await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Noise from the front',
      odometerIn: 54_500,
    });
    expect(await nextServiceOf(alice, vehicle.id)).toMatchObject({
      dueSoon: true,
      predictedMileage: 54_500,
    });
  });

  it('reaches the cached due-soon list at once when the vehicle form records a reading', async () => {
    // An owner with nothing on the list: their owner tag does not carry the change to it.
    const owner = await api.db.prisma.customer.create({ data: { name: 'Quiet Owner' } });
    const vehicle = await drivenVehicle(owner.id);
    await remind(vehicle.id, { dueMileage: 55_000 });
    // The reminder was written outside the API: clear the list by hand, as an admin would.
    await admin.cache.invalidate.mutate({ tag: 'reminders' });
    const dueSoonVehicles = async () =>
      (await staff.reminder.dueSoon.query({ limit: 100 })).items.map((row) => row.vehicle.id);
    expect(await dueSoonVehicles()).not.toContain(vehicle.id);

    await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: await versionOf(api, 'vehicle', vehicle.id),
      mileage: 54_600,
    });
    expect(await dueSoonVehicles()).toContain(vehicle.id);
    expect(await nextServiceOf(staff, vehicle.id)).toMatchObject({ dueSoon: true });
  });
});
