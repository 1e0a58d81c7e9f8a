import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { dayFromToday, setUpSchedule, utc } from './support/schedule';
import { customerIdOf, freshVehicle, userIdOf } from './support/work-orders';

// The shop's schedule through the real API: no double booking (the database's exclusion
// constraints, under concurrent bookings), hours and their override, carry-over of cars still
// in the shop, daylight-saving days on the shop's clock, and the portal's privacy.

describe('schedule', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let bob: Client;
  let bays: number[] = [];
  let aliceVehicle = 0;
  let bobVehicle = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice, bob] = await Promise.all([
      api.as('staff'),
      api.as('admin'),
      api.as('alice'),
      api.as('bob'),
    ]);
    bays = await setUpSchedule(api, admin, ['Bay A', 'Bay B']);
    aliceVehicle = (await freshVehicle(api, await customerIdOf(api, 'alice'))).id;
    bobVehicle = (await freshVehicle(api, await customerIdOf(api, 'bob'))).id;
  });
  afterAll(() => api.stop());

  const booking = (
    day: string,
    from: string,
    to: string,
    bayId: number,
    extra: Record<string, unknown> = {},
  ) => ({
    vehicleId: aliceVehicle,
    concern: 'Brakes squeal',
    startsAt: utc(day, from),
    endsAt: utc(day, to),
    bayId,
    channel: 'phone' as const,
    ...extra,
  });

  // First, on the seed's data alone: a job whose approved labour runs past its booked end into a
  // later day counts on that day in the week but is not among the day view's rows (its carry-over
  // is, while the car is in the shop); the tests below make such jobs.
  it("the week counts what each day shows: the demo seed's week around today", async () => {
    const week = await staff.schedule.week.query({ start: dayFromToday(-3) });
    for (const day of week.days) {
      const view = await staff.schedule.day.query({ day: day.day });
      const noShows = view.appointments.filter((row) => row.status === 'no_show').length;
      expect([day.appointments, day.noShows]).toEqual([
        view.appointments.length - noShows,
        noShows,
      ]);
      expect({ bays: day.bays, technicians: day.technicians }).toEqual(view.capacity);
    }
    expect(week.days.some((day) => day.appointments > 0)).toBe(true);
  });

  it('20 concurrent bookings of one slot: exactly one wins, the others get CONFLICT naming the clash', async () => {
    const day = dayFromToday(30);
    // Twenty requests in flight at once (each its own HTTP request, none batched).
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        staff.schedule.book.mutate(booking(day, '09:00', '10:00', bays[0] ?? 0)),
      ),
    );
    const won = results.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    for (const loss of lost) {
      expect(loss.reason.data?.code, loss.reason.message).toBe('CONFLICT');
      expect(loss.reason.message).toMatch(/Bay A is booked 09:00-10:00 for .+ \(appointment \d+\)/);
    }
    expect(
      await api.db.prisma.appointment.count({
        where: { bayId: bays[0], startsAt: utc(day, '09:00') },
      }),
    ).toBe(1);
  });

  it('a technician is not booked twice either, across bays', async () => {
    const day = dayFromToday(31);
    const tom = await userIdOf(api, 'tom');
    await admin.schedule.setWorkingHours.mutate({
      technicianId: tom,
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        startMinute: 420,
        endMinute: 1080,
      })),
      daysOff: [],
    });
    await staff.schedule.book.mutate(
      booking(day, '09:00', '11:00', bays[0] ?? 0, { technicianId: tom }),
    );
    const errors = await fieldErrors(
      staff.schedule.book.mutate(
        booking(day, '10:00', '12:00', bays[1] ?? 0, { technicianId: tom }),
      ),
    );
    expect(errors.technicianId?.[0]).toMatch(/^Tom .* is booked 09:00-11:00/);
  });

  it('booking outside the hours asks for an explicit override', async () => {
    const day = dayFromToday(32);
    const late = booking(day, '19:00', '20:00', bays[1] ?? 0);
    expect((await fieldErrors(staff.schedule.book.mutate(late))).allowOutOfHours?.[0]).toMatch(
      /outside the opening hours/,
    );
    expect(await api.db.prisma.appointment.count({ where: { startsAt: late.startsAt } })).toBe(0);
    const booked = await staff.schedule.book.mutate({ ...late, allowOutOfHours: true });
    expect(booked.outOfHours).toBe(true);
  });

  it('a move from an older version is refused; a move onto a taken slot is refused and changes nothing', async () => {
    const day = dayFromToday(33);
    const first = await staff.schedule.book.mutate(booking(day, '08:00', '09:00', bays[0] ?? 0));
    const second = await staff.schedule.book.mutate(booking(day, '10:00', '11:00', bays[0] ?? 0));
    const moved = await staff.schedule.move.mutate({
      id: first.id,
      version: first.version,
      startsAt: utc(day, '12:00'),
      endsAt: utc(day, '13:30'),
    });
    expect(moved.version).toBe(first.version + 1);
    expect(
      await outcome(
        staff.schedule.move.mutate({
          id: first.id,
          version: first.version,
          startsAt: utc(day, '14:00'),
          endsAt: utc(day, '15:00'),
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      await outcome(
        staff.schedule.move.mutate({
          id: second.id,
          version: second.version,
          startsAt: utc(day, '13:00'),
          endsAt: utc(day, '14:00'),
        }),
      ),
    ).toBe('CONFLICT');
    const stored = await api.db.prisma.appointment.findUniqueOrThrow({ where: { id: second.id } });
    expect(stored.startsAt).toEqual(utc(day, '10:00'));
    expect(stored.version).toBe(second.version);
  });

  it('arrival opens a work order carrying the concern; the car holds its bay on the following days until it leaves', async () => {
    const yesterday = dayFromToday(-1);
    const today = dayFromToday(0);
    const tomorrow = dayFromToday(1);
    const bay = bays[1] ?? 0;
    const booked = await staff.schedule.book.mutate(
      booking(yesterday, '08:00', '10:00', bay, {
        services: ['Oil change'],
        allowOutOfHours: true,
      }),
    );
    const arrived = await staff.schedule.arrive.mutate({ id: booked.id, version: booked.version });
    expect(arrived.status).toBe('arrived');
    const workOrder = await staff.workOrder.byId.query({ id: arrived.arrival.workOrderId });
    expect(workOrder.concern).toBe('Brakes squeal\nOil change');

    // The demo seed's own car carried over holds its lift: this bay's column is what is tested.
    const heldHere = async (day: string) =>
      (await staff.schedule.day.query({ day })).carryOver.filter((held) => held.bayId === bay);
    expect((await heldHere(today)).map((held) => [held.bayId, held.workOrder.id])).toEqual([
      [bay, workOrder.id],
    ]);
    // Tomorrow is not held yet: the car may leave today.
    expect(await heldHere(tomorrow)).toEqual([]);
    const clash = await fieldErrors(
      staff.schedule.book.mutate(booking(today, '12:00', '13:00', bay, { allowOutOfHours: true })),
    );
    expect(clash.bayId?.[0]).toContain(`${workOrder.number}, still in the shop`);

    // Approved labour of 30 hours from yesterday 08:00 (10 hours open that day, 11 today) plans
    // the job into tomorrow until 16:00: held then too.
    await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'labor',
      description: 'Engine out',
      quantity: '30',
      unitPriceCents: 100,
    });
    await api.db.prisma.workOrderLine.updateMany({
      where: { workOrderId: workOrder.id },
      data: { approval: 'approved' },
    });
    await staff.workOrder.update.mutate({
      id: workOrder.id,
      version: workOrder.version,
      notes: 'approved by phone',
    });
    expect((await heldHere(tomorrow)).map((held) => held.workOrder.id)).toEqual([workOrder.id]);

    // It leaves (cancelled here): the bay is free again, and the cached day heard of it.
    await staff.workOrder.setStatus.mutate({ id: workOrder.id, status: 'cancelled' });
    expect(await heldHere(today)).toEqual([]);
    expect(
      await outcome(
        staff.schedule.book.mutate(
          booking(today, '12:00', '13:00', bay, { allowOutOfHours: true }),
        ),
      ),
    ).toBe('OK');
  });

  // Opening at 07:00 and a booking at 08:00 on the wall clock, in UTC on that day.
  it.each([
    ['America/Chicago', '2026-03-08', 23, { skipped: '02:00' }, '12:00', '13:00'],
    ['America/Chicago', '2026-11-01', 25, { twice: '01:00' }, '13:00', '14:00'],
    ['Europe/Berlin', '2026-03-29', 23, { skipped: '02:00' }, '05:00', '06:00'],
    ['Europe/Berlin', '2026-10-25', 25, { twice: '02:00' }, '06:00', '07:00'],
  ])(
    '%s on %s: a %i-hour grid on the shop clock',
    async (zone, day, hours, marks, opens, eight) => {
      await admin.settings.update.mutate({ timeZone: zone });
      try {
        const view = await staff.schedule.day.query({ day });
        expect(view.hours).toHaveLength(hours);
        expect((view.end.getTime() - view.start.getTime()) / 3_600_000).toBe(hours);
        const labels = view.hours.map((mark) => mark.label);
        if ('skipped' in marks) expect(labels).not.toContain(marks.skipped);
        else expect(labels.filter((label) => label === marks.twice)).toHaveLength(2);
        expect(view.opening?.start).toEqual(utc(day, opens));
        const nine = `${String(Number(eight.slice(0, 2)) + 1).padStart(2, '0')}:00`;
        const booked = await staff.schedule.book.mutate(booking(day, eight, nine, bays[0] ?? 0));
        expect(booked.outOfHours).toBe(false);
        const shown = (await staff.schedule.day.query({ day })).appointments.find(
          (row) => row.id === booked.id,
        );
        expect(shown?.startsAt).toEqual(utc(day, eight));
      } finally {
        await admin.settings.update.mutate({ timeZone: 'UTC' });
      }
    },
  );

  it('the portal: a request among free slots, confirmed by staff; nobody else sees it', async () => {
    // Within the portal's horizon (21 days by default).
    const day = dayFromToday(10);
    const { slots } = await alice.portalSchedule.slots.query({ day });
    expect(slots.length).toBeGreaterThan(0);
    const slot = slots[0];
    if (!slot) throw new Error('a free slot');
    const requested = await alice.portalSchedule.request.mutate({
      vehicleId: aliceVehicle,
      startsAt: slot.startsAt,
      concern: 'Rattle',
    });
    expect(requested.status).toBe('requested');

    // Bob: not in his list, not his to cancel, no names in the slots, not with her vehicle.
    expect((await bob.portalSchedule.mine.query()).appointments.map((row) => row.id)).not.toContain(
      requested.id,
    );
    expect(
      await outcome(
        bob.portalSchedule.cancel.mutate({ id: requested.id, version: requested.version }),
      ),
    ).toBe('FORBIDDEN');
    expect(await outcome(bob.portalSchedule.cancel.mutate({ id: 999_999, version: 1 }))).toBe(
      'FORBIDDEN',
    );
    expect(JSON.stringify(await bob.portalSchedule.slots.query({ day }))).not.toMatch(
      /Alice|Rattle|customer|bay/i,
    );
    expect(
      await outcome(
        bob.portalSchedule.request.mutate({
          vehicleId: aliceVehicle,
          startsAt: slot.startsAt,
          concern: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');

    const confirmed = await staff.schedule.confirm.mutate({
      id: requested.id,
      version: requested.version,
    });
    expect(confirmed.status).toBe('booked');
    expect(
      (await alice.portalSchedule.mine.query()).appointments.find((row) => row.id === requested.id)
        ?.status,
    ).toBe('booked');

    // Cancel up to the cut-off (24 h by default); the slot is free again.
    const mine = (await alice.portalSchedule.mine.query()).appointments.find(
      (row) => row.id === requested.id,
    );
    const cancelled = await alice.portalSchedule.cancel.mutate({
      id: requested.id,
      version: mine?.version ?? 0,
    });
    expect(cancelled.status).toBe('cancelled');
    expect(
      (await bob.portalSchedule.slots.query({ day })).slots.map((free) => free.startsAt.getTime()),
    ).toContain(slot.startsAt.getTime());
    // Bob can take it now, with his own vehicle.
    expect(
      await outcome(
        bob.portalSchedule.request.mutate({
          vehicleId: bobVehicle,
          startsAt: slot.startsAt,
          concern: 'Noise',
        }),
      ),
    ).toBe('OK');
  });

  it('a customer cannot cancel within the cut-off', async () => {
    // Two weeks, the longest cut-off a shop may set: a request 11 days ahead is within it.
    await admin.schedule.updateSettings.mutate({ portalCutoffHours: 24 * 14 });
    try {
      const day = dayFromToday(11);
      const slot = (await alice.portalSchedule.slots.query({ day })).slots[0];
      if (!slot) throw new Error('a free slot');
      const requested = await alice.portalSchedule.request.mutate({
        vehicleId: aliceVehicle,
        startsAt: slot.startsAt,
        concern: 'Late',
      });
      expect(
        await outcome(
          alice.portalSchedule.cancel.mutate({ id: requested.id, version: requested.version }),
        ),
      ).toBe('CONFLICT');
    } finally {
      await admin.schedule.updateSettings.mutate({ portalCutoffHours: 24 });
    }
  });

  it('a booking reloads exactly the days it touches', async () => {
    const [day, other] = [dayFromToday(50), dayFromToday(51)];
    const loads = async () =>
      (await api.app.cache.stats()).routes['schedule.day']?.loaderCalls ?? 0;
    await staff.schedule.day.query({ day });
    await staff.schedule.day.query({ day: other });
    const before = await loads();
    await staff.schedule.day.query({ day });
    await staff.schedule.day.query({ day: other });
    expect(await loads()).toBe(before);
    await staff.schedule.book.mutate(booking(day, '08:00', '09:00', bays[0] ?? 0));
    await staff.schedule.day.query({ day: other });
    expect(await loads()).toBe(before);
    const view = await staff.schedule.day.query({ day });
    expect(await loads()).toBe(before + 1);
    expect(view.appointments).toHaveLength(1);
  });
});
