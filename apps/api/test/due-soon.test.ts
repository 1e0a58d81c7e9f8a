import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { customerIdOf, freshVehicle } from './support/work-orders';

// The staff "due soon" list through the real API: by date, by the mileage predicted from the
// odometer log, and a new reading reaching the cached list at once.

const day = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * day);

describe('reminder.dueSoon', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  /** Every due-soon reminder id, page by page. */
  async function dueSoonIds(): Promise<number[]> {
    const ids: number[] = [];
    let cursor: number | null = null;
    do {
      const page = await staff.reminder.dueSoon.query({ cursor, limit: 2 });
      ids.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return ids;
  }

  /** A vehicle of alice's driven 90 a day: 40,000 120 days ago, 49,000 20 days ago. */
  async function drivenVehicle() {
    const vehicle = await freshVehicle(api, aliceId, 49_000);
    await api.db.prisma.odometerReading.createMany({
      data: [
        { vehicleId: vehicle.id, reading: 40_000, at: daysFromNow(-120), source: 'manual' },
        { vehicleId: vehicle.id, reading: 49_000, at: daysFromNow(-20), source: 'manual' },
      ],
    });
    return vehicle;
  }

  /**
   * An open reminder written straight to the database, outside the API, so the list is cleared
   * by hand (as an admin would after such a change); the API's own writes need no such help.
   */
  async function remind(vehicleId: number, due: { dueMileage?: number; dueDate?: Date }) {
    const reminder = await api.db.prisma.serviceReminder.create({
      data: { vehicleId, description: 'Oil change', ...due },
    });
    await admin.cache.invalidate.mutate({ tag: 'reminders' });
    return reminder;
  }

  it('lists reminders due within 30 days or within 1,000 of their predicted mileage', async () => {
    const plain = await freshVehicle(api, aliceId);
    const soon = await remind(plain.id, { dueDate: daysFromNow(10) });
    const later = await remind((await freshVehicle(api, aliceId)).id, {
      dueDate: daysFromNow(200),
    });
    // Predicted today: 49,000 + 20 × 90 = 50,800.
    const nearMark = await remind((await drivenVehicle()).id, { dueMileage: 51_500 });
    const farMark = await remind((await drivenVehicle()).id, { dueMileage: 55_000 });

    const ids = await dueSoonIds();
    expect(ids).toEqual(expect.arrayContaining([soon.id, nearMark.id]));
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(farMark.id);

    const page = await staff.reminder.dueSoon.query({ limit: 100 });
    const row = page.items.find((item) => item.id === nearMark.id);
    expect(row?.status).toMatchObject({ byMileage: true, byDate: false });
    expect(row?.status.predictedMileage).toBeGreaterThanOrEqual(50_750);
    expect(row?.customer.id).toBe(aliceId);
  });

  it('shows a reminder that a new reading brings due, at once despite the cache', async () => {
    const vehicle = await drivenVehicle();
    const reminder = await remind(vehicle.id, { dueMileage: 55_000 });
    expect(await dueSoonIds()).not.toContain(reminder.id);

    await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Noise from the front',
      odometerIn: 54_500,
    });
    expect(await dueSoonIds()).toContain(reminder.id);
  });

  it('drops a completed reminder and adds the one invoicing sets, at once', async () => {
    const vehicle = await freshVehicle(api, aliceId, 40_000);
    const open = await remind(vehicle.id, { dueDate: daysFromNow(5) });
    expect(await dueSoonIds()).toContain(open.id);

    const workOrder = await api.db.prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId: aliceId,
        concern: 'Service',
        odometerIn: 40_000,
        status: 'ready',
        lines: {
          create: {
            position: 1,
            kind: 'fee',
            description: 'Inspection',
            quantity: '1',
            unitPriceCents: 2_000,
            taxRateBps: 0,
            approval: 'approved',
          },
        },
      },
    });
    await staff.workOrder.invoice.mutate({
      id: workOrder.id,
      nextService: { date: daysFromNow(20).toISOString().slice(0, 10) },
    });
    const next = await api.db.prisma.serviceReminder.findFirstOrThrow({
      where: { vehicleId: vehicle.id, completedAt: null },
    });
    const ids = await dueSoonIds();
    expect(ids).not.toContain(open.id);
    expect(ids).toContain(next.id);
  });
});
