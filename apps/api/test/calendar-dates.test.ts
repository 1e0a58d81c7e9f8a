import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  type Client,
  fieldErrors,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { customerIdOf, freshVehicle } from './support/work-orders';

// A next service's "by" day is a calendar date from the invoice form to the vehicle page and
// the due-soon list, whatever the shop's time zone: 2026-12-28 stays the 28th in a shop west
// of UTC and in one east of it, and "due within 30 days" counts the shop's calendar days,
// across a daylight-saving change too. The API runs in this process, so the clock the tests
// set (Date alone; timers run as usual) is the API's clock.

const shops = [
  {
    timeZone: 'America/Chicago',
    // 23:30 on 2026-10-20 in Chicago (already the 21st in UTC); clocks go back on 1 November.
    lateEvening: '2026-10-21T04:30:00Z',
    dueIn30Days: '2026-11-19',
    dueIn31Days: '2026-11-20',
  },
  {
    timeZone: 'Pacific/Auckland',
    // 00:30 on 2026-09-10 in Auckland (still the 9th in UTC); clocks go forward on 27 September.
    lateEvening: '2026-09-09T12:30:00Z',
    dueIn30Days: '2026-10-10',
    dueIn31Days: '2026-10-11',
  },
] as const;

describe.each(shops)('next-service dates in a shop in $timeZone', (shop) => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let aliceId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice] = await Promise.all([api.as('staff'), api.as('admin'), api.as('alice')]);
    aliceId = await customerIdOf(api, 'alice');
    await admin.settings.update.mutate({ timeZone: shop.timeZone });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(() => api.stop());

  /** A ready work order of alice's with one approved line, on a vehicle at 40,000. */
  async function readyWorkOrder() {
    const vehicle = await freshVehicle(api, aliceId, 40_000);
    return api.db.prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId: aliceId,
        concern: 'Service',
        odometerIn: 40_000,
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

  const dueSoonRows = async () => (await staff.reminder.dueSoon.query({ limit: 100 })).items;

  it('keeps 2026-12-28 the 28th: stored, on the vehicle and in due soon', async () => {
    // Some days before it, in the shop: the 28th is within 30 days.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-10T12:00:00Z'));
    const workOrder = await readyWorkOrder();
    await staff.workOrder.invoice.mutate({ id: workOrder.id, nextService: { date: '2026-12-28' } });

    const [stored] = await api.db.prisma.$queryRaw<{ day: string }[]>`
      SELECT "dueDate"::text AS day FROM "ServiceReminder" WHERE "workOrderId" = ${workOrder.id}`;
    expect(stored?.day).toBe('2026-12-28');
    for (const client of [alice, staff]) {
      const { nextService } = await client.vehicle.history.query({
        vehicleId: workOrder.vehicleId,
      });
      expect(nextService).toMatchObject({ dueDate: '2026-12-28', dueSoon: true });
    }
    const row = (await dueSoonRows()).find((item) => item.vehicle.id === workOrder.vehicleId);
    expect(row).toMatchObject({ dueDate: '2026-12-28', status: { byDate: true } });
  });

  it("counts 30 days from the shop's today, across a daylight-saving change", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(shop.lateEvening));
    const within = await readyWorkOrder();
    const beyond = await readyWorkOrder();
    await staff.workOrder.invoice.mutate({
      id: within.id,
      nextService: { date: shop.dueIn30Days },
    });
    await staff.workOrder.invoice.mutate({
      id: beyond.id,
      nextService: { date: shop.dueIn31Days },
    });

    const listed = (await dueSoonRows()).map((row) => row.vehicle.id);
    expect(listed).toContain(within.vehicleId);
    expect(listed).not.toContain(beyond.vehicleId);
    const history = (vehicleId: number) => alice.vehicle.history.query({ vehicleId });
    expect((await history(within.vehicleId)).nextService?.dueSoon).toBe(true);
    expect((await history(beyond.vehicleId)).nextService?.dueSoon).toBe(false);
  });

  it('refuses a date that is no day of the calendar, naming it, and invoices nothing', async () => {
    const workOrder = await readyWorkOrder();
    const refused = staff.workOrder.invoice.mutate({
      id: workOrder.id,
      nextService: { date: '2026-02-29' },
    });
    expect(Object.keys(await fieldErrors(refused))).toEqual(['nextService']);
    const after = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } });
    expect(after).toMatchObject({ status: 'ready', invoiceNumber: null });
  });
});
