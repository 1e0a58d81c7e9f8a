import { describe, expect, it } from 'vitest';
import type { Database } from '../src/client';
import { seed } from '../src/seed/seed';
import { freshDatabase } from './support/fresh-database';

// The seeded schedule: the demo week around "today" on the shop's clock, and a year of
// generated appointments on demand, never breaking the rules the database keeps.

// A Friday, 10:00 in Springfield (America/Chicago): the open days around it are Tuesday to
// Thursday before, Saturday (a short day), Monday and Tuesday after.
const fixedNow = new Date('2026-11-20T16:00:00Z');
const holding = `('requested', 'booked', 'arrived')`;

/** Appointments that share a lift's or a technician's time while both hold it. */
async function clashes(db: Database) {
  const [row] = await db.prisma.$queryRawUnsafe<{ clashes: bigint }[]>(`
    SELECT count(*) AS clashes FROM "Appointment" a JOIN "Appointment" b
      ON a.id < b.id AND ("a"."bayId" = "b"."bayId" OR "a"."technicianId" = "b"."technicianId")
     AND tsrange(a."startsAt", a."endsAt") && tsrange(b."startsAt", b."endsAt")
    WHERE a.status IN ${holding} AND b.status IN ${holding}`);
  return Number(row?.clashes);
}

/** Appointments not within one day's opening hours on the shop's clock. */
async function outOfHours(db: Database) {
  const [row] = await db.prisma.$queryRawUnsafe<{ outside: bigint }[]>(`
    WITH local AS (
      SELECT a.id,
        (a."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone" AS starts,
        (a."endsAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone" AS ends
      FROM "Appointment" a, "ShopSettings" s)
    SELECT count(*) AS outside FROM local l WHERE NOT EXISTS (
      SELECT 1 FROM "OpeningHours" o
      WHERE o.weekday = extract(isodow FROM l.starts) AND l.starts::date = l.ends::date
        AND extract(hour FROM l.starts) * 60 + extract(minute FROM l.starts) >= o."opensMinute"
        AND extract(hour FROM l.ends) * 60 + extract(minute FROM l.ends) <= o."closesMinute")`);
  return Number(row?.outside);
}

describe('seeded schedule', () => {
  it("the demo week: two lifts, a car carried over, a no-show, bob's portal request", async () => {
    const db = await freshDatabase();
    const report = await seed(db.prisma, { customers: 12, vehicles: 20, now: fixedNow });
    const { prisma } = db;
    const lifts = await prisma.bay.findMany({ orderBy: { position: 'asc' } });
    expect(lifts.map((lift) => lift.name)).toEqual(['Lift 1', 'Lift 2']);
    const week = await prisma.appointment.findMany({
      orderBy: { startsAt: 'asc' },
      include: { workOrder: { select: { status: true } }, customer: { select: { email: true } } },
    });
    expect(report.appointments).toBe(week.length);
    // Saturday closes at 13:00: its afternoon booking is left out.
    expect(week).toHaveLength(17);
    expect(week.filter((row) => row.status === 'no_show')).toHaveLength(1);
    expect(week.filter((row) => row.status === 'cancelled')).toHaveLength(1);
    const [request, ...otherRequests] = week.filter((row) => row.status === 'requested');
    expect(otherRequests).toEqual([]);
    expect(request?.channel).toBe('portal');
    expect(request?.customer?.email).toBe('bob@garage.test');
    // Bob's car waiting for parts arrived on Wednesday, in Lift 2: still in the shop.
    const carried = week.find((row) => row.workOrder?.status === 'waiting_parts');
    expect(carried).toMatchObject({ status: 'arrived', bayId: lifts[1]?.id });
    expect(carried?.startsAt).toEqual(new Date('2026-11-18T14:00:00Z'));
    // Gone by: arrived or not; to come: booked or requested; a caller drafted on the phone.
    for (const row of week) {
      if (row.endsAt < fixedNow) expect(['arrived', 'no_show', 'cancelled']).toContain(row.status);
      if (row.startsAt > fixedNow) expect(['booked', 'requested']).toContain(row.status);
    }
    expect(week.some((row) => row.customerId === null && row.draftName !== null)).toBe(true);
    expect(week.some((row) => row.customer?.email === 'alice@garage.test')).toBe(false);
    expect(await clashes(db)).toBe(0);
    expect(await outOfHours(db)).toBe(0);
    expect(await prisma.workingHours.count()).toBe(12);

    // Once only: a second run adds no appointment.
    expect(
      (await seed(db.prisma, { customers: 12, vehicles: 20, now: fixedNow })).appointments,
    ).toBe(0);
  });

  it('--appointments N: N more over a year around today, over as many lifts as needed, no clash', async () => {
    const db = await freshDatabase();
    const volume = { customers: 30, vehicles: 60, workOrders: 40, now: fixedNow };
    const demo = (await seed(db.prisma, volume)).appointments;
    const report = await seed(db.prisma, { ...volume, appointments: 6_000 });
    const { prisma } = db;
    expect(report.appointments).toBe(6_000);
    expect(await prisma.appointment.count()).toBe(demo + 6_000);
    // Two lifts hold about 5,200 opening hours a year: a third is added.
    expect(await prisma.bay.count()).toBe(3);
    expect(await clashes(db)).toBe(0);
    expect(await outOfHours(db)).toBe(0);

    const day = 86_400_000;
    const span = await prisma.appointment.aggregate({
      _min: { startsAt: true },
      _max: { startsAt: true },
    });
    expect(fixedNow.getTime() - (span._min.startsAt?.getTime() ?? 0)).toBeGreaterThan(175 * day);
    expect((span._max.startsAt?.getTime() ?? 0) - fixedNow.getTime()).toBeGreaterThan(175 * day);
    const past = { startsAt: { lt: fixedNow }, bookedById: null };
    const future = { startsAt: { gt: fixedNow }, bookedById: null };
    expect(
      await prisma.appointment.count({ where: { ...past, status: 'arrived', workOrderId: null } }),
    ).toBe(0);
    expect(
      await prisma.appointment.count({ where: { ...past, status: 'no_show' } }),
    ).toBeGreaterThan(0);
    expect(
      await prisma.appointment.count({
        where: { ...future, status: { in: ['arrived', 'no_show'] } },
      }),
    ).toBe(0);
    expect(
      await prisma.appointment.count({ where: { ...future, status: 'requested' } }),
    ).toBeGreaterThan(0);

    // Again with the same count: nothing; with more: only the difference.
    expect((await seed(db.prisma, { ...volume, appointments: 6_000 })).appointments).toBe(0);
    expect((await seed(db.prisma, { ...volume, appointments: 6_500 })).appointments).toBe(500);
    expect(await clashes(db)).toBe(0);
  });
});
