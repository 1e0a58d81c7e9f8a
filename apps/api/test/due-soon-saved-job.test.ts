import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { customerIdOf, freshVehicle } from './support/work-orders';

// "Due soon" offers the saved job for a reminder's service, priced, and inserts it in one
// click: into the vehicle's open work order, or a new one for the service; the totals are what
// the row said and what typed lines give.

const inTenDays = () => new Date(Date.now() + 10 * 86_400_000);

describe('due soon: the saved job for the service', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let aliceId = 0;
  let serial = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  /** A service of its own name, so jobs of other tests never match it. */
  const serviceName = () => `Oil and filter change ${++serial}`;

  /** DESIGN.md's example lines: 180.00 + 14.85, 29.96 + 2.47, 3.50 + 0. */
  const lines = [
    {
      kind: 'labor' as const,
      description: 'Drain and refill',
      quantity: '1.5',
      unitPriceCents: 12_000,
      taxRateBps: 825,
    },
    {
      kind: 'part' as const,
      description: 'Filter',
      quantity: '4',
      unitPriceCents: 749,
      taxRateBps: 825,
    },
    {
      kind: 'fee' as const,
      description: 'Disposal',
      quantity: '1',
      unitPriceCents: 350,
      taxRateBps: 0,
    },
  ];
  const designTotals = { subtotalCents: 21_346, taxCents: 1_732, totalCents: 23_078 };

  /** An open reminder of `service` on a new Toyota Corolla 2012 of alice's, due in ten days. */
  async function dueService(service: string) {
    const vehicle = await freshVehicle(api, aliceId, 30_000);
    const reminder = await api.db.prisma.serviceReminder.create({
      data: { vehicleId: vehicle.id, description: service, dueDate: inTenDays() },
    });
    // Written outside the API: the cached list is cleared as an admin would.
    await admin.cache.invalidate.mutate({ tag: 'reminders' });
    return { vehicle, reminder };
  }

  async function dueSoonRow(reminderId: number) {
    const page = await staff.reminder.dueSoon.query({ limit: 100 });
    const row = page.items.find((item) => item.id === reminderId);
    if (!row) throw new Error(`reminder ${reminderId} is not due soon`);
    return row;
  }

  it('offers the most specific job that fits, by the service as words, priced', async () => {
    const service = serviceName();
    const { reminder } = await dueService(service);
    const anyVehicle = await staff.savedJob.create.mutate({ name: service, lines });
    const corolla = await staff.savedJob.create.mutate({
      name: `  ${service.toUpperCase()}.`,
      make: 'toyota',
      model: 'Corolla',
      yearFrom: 2010,
      yearTo: 2014,
      lines,
    });
    await staff.savedJob.create.mutate({ name: service, make: 'Honda', lines });
    await staff.savedJob.create.mutate({ name: `${service} and more`, lines });

    expect((await dueSoonRow(reminder.id)).savedJob).toEqual({
      id: corolla.id,
      name: corolla.name,
      ...designTotals,
    });
    // The specific one gone, the one for any vehicle is offered, at once despite the cache.
    await staff.savedJob.delete.mutate({ id: corolla.id, version: corolla.version });
    expect((await dueSoonRow(reminder.id)).savedJob?.id).toBe(anyVehicle.id);
    // Renamed to another service: none.
    await staff.savedJob.update.mutate({ id: anyVehicle.id, version: 1, name: 'Wipers' });
    expect((await dueSoonRow(reminder.id)).savedJob).toBeNull();
  });

  it('a line without a rate is priced at the shop rate, and follows a change of it', async () => {
    const service = serviceName();
    const { reminder } = await dueService(service);
    await staff.savedJob.create.mutate({
      name: service,
      lines: [{ kind: 'fee', description: 'Check', quantity: '1', unitPriceCents: 10_000 }],
    });
    const { defaultTaxRateBps } = await admin.settings.get.query();
    try {
      await admin.settings.update.mutate({ defaultTaxRateBps: 1_000 });
      expect((await dueSoonRow(reminder.id)).savedJob).toMatchObject({
        subtotalCents: 10_000,
        taxCents: 1_000,
        totalCents: 11_000,
      });
    } finally {
      await admin.settings.update.mutate({ defaultTaxRateBps });
    }
  });

  it('one click opens a work order for the service with the job; the next adds to it', async () => {
    const service = serviceName();
    const { vehicle, reminder } = await dueService(service);
    const job = await staff.savedJob.create.mutate({ name: service, lines });
    const offered = await dueSoonRow(reminder.id);

    const opened = await staff.reminder.insertSavedJob.mutate({
      reminderId: reminder.id,
      savedJobId: job.id,
    });
    expect(opened).toMatchObject({
      opened: true,
      status: 'estimate',
      concern: service,
      odometerIn: vehicle.mileage,
      vehicle: { id: vehicle.id },
      customer: { id: aliceId },
    });
    expect(opened.lines.map((line) => [line.description, line.approval])).toEqual(
      lines.map((line) => [line.description, 'pending']),
    );
    // The price the row showed is what the work order totals.
    expect(opened.totals).toEqual({
      subtotalCents: offered.savedJob?.subtotalCents,
      taxCents: offered.savedJob?.taxCents,
      totalCents: offered.savedJob?.totalCents,
    });
    expect(opened.totals).toMatchObject(designTotals);

    const again = await staff.reminder.insertSavedJob.mutate({
      reminderId: reminder.id,
      savedJobId: job.id,
    });
    expect(again).toMatchObject({ id: opened.id, opened: false });
    expect(again.lines).toHaveLength(6);
    expect(await api.db.prisma.workOrder.count({ where: { vehicleId: vehicle.id } })).toBe(1);
  });

  it('adds to the open work order the vehicle has; two clicks racing open one', async () => {
    const service = serviceName();
    const job = await staff.savedJob.create.mutate({ name: service, lines });
    const withOpen = await dueService(service);
    const open = await staff.workOrder.create.mutate({
      vehicleId: withOpen.vehicle.id,
      concern: 'Rattle',
      odometerIn: withOpen.vehicle.mileage,
    });
    const added = await staff.reminder.insertSavedJob.mutate({
      reminderId: withOpen.reminder.id,
      savedJobId: job.id,
    });
    expect(added).toMatchObject({ id: open.id, opened: false, concern: 'Rattle' });

    const racing = await dueService(service);
    const clicks = await Promise.all(
      [staff, admin].map((client) =>
        client.reminder.insertSavedJob.mutate({
          reminderId: racing.reminder.id,
          savedJobId: job.id,
        }),
      ),
    );
    expect(clicks.filter((click) => click.opened)).toHaveLength(1);
    expect(new Set(clicks.map((click) => click.id)).size).toBe(1);
    expect(
      await api.db.prisma.workOrderLine.count({
        where: { workOrder: { vehicleId: racing.vehicle.id } },
      }),
    ).toBe(6);
  });

  it('refuses a job that does not fit, a done reminder and an unknown one, writing nothing', async () => {
    const service = serviceName();
    const { vehicle, reminder } = await dueService(service);
    const honda = await staff.savedJob.create.mutate({ name: service, make: 'Honda', lines });
    const insert = (reminderId: number, savedJobId: number) =>
      staff.reminder.insertSavedJob.mutate({ reminderId, savedJobId });
    const before = await api.db.prisma.workOrder.count();

    expect(await fieldErrors(insert(reminder.id, honda.id))).toEqual({
      savedJobId: ['fits Honda only'],
    });
    expect(await fieldErrors(insert(reminder.id, 2_000_000_000))).toEqual({
      savedJobId: ['is not a saved job'],
    });
    expect(await outcome(insert(2_000_000_000, honda.id))).toBe('NOT_FOUND');
    await api.db.prisma.serviceReminder.update({
      where: { id: reminder.id },
      data: { completedAt: new Date() },
    });
    const anyVehicle = await staff.savedJob.create.mutate({ name: service, lines });
    expect(await outcome(insert(reminder.id, anyVehicle.id))).toBe('CONFLICT');
    expect(await api.db.prisma.workOrder.count()).toBe(before);
    expect(await api.db.prisma.workOrder.count({ where: { vehicleId: vehicle.id } })).toBe(0);
  });
});
