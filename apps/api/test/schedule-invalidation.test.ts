import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { invalidationMatrix, type Probe } from './support/invalidation-matrix';
import { dayFromToday, setUpSchedule, utc } from './support/schedule';
import { customerIdOf, freshVehicle, userIdOf } from './support/work-orders';

// The schedule's rows of the invalidation matrix: for each schedule mutation, which cached reads
// must be loaded again at once and which must still be answered from the cache. A booking
// reaches exactly the days it touches (its old and new days when moved), the portal's slots of
// those days, and its customer's own list; a change of the set-up reaches the views it shapes.

describe('schedule invalidation matrix', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let bob: Client;
  let probes: Probe[] = [];
  let bays: number[] = [];
  const vehicles = { alice: 0, bob: 0 };
  // Within the portal's horizon: D and E in one week, F in the next.
  const [D, E, F] = [dayFromToday(5), dayFromToday(6), dayFromToday(12)];
  let aliceBooking = { id: 0, version: 0 };

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice, bob] = await Promise.all([
      api.as('staff'),
      api.as('admin'),
      api.as('alice'),
      api.as('bob'),
    ]);
    bays = await setUpSchedule(api, admin, ['Matrix bay 1', 'Matrix bay 2']);
    vehicles.alice = (await freshVehicle(api, await customerIdOf(api, 'alice'))).id;
    vehicles.bob = (await freshVehicle(api, await customerIdOf(api, 'bob'))).id;
    const day = (name: string, value: string): Probe => ({
      name,
      route: 'schedule.day',
      read: () => staff.schedule.day.query({ day: value }),
    });
    const slots = (name: string, value: string): Probe => ({
      name,
      route: 'portalSchedule.slots',
      read: () => alice.portalSchedule.slots.query({ day: value }),
    });
    probes = [
      day('day D', D),
      day('day E', E),
      day('day F', F),
      {
        name: 'week D',
        route: 'schedule.week',
        read: () => staff.schedule.week.query({ start: D }),
      },
      {
        name: 'week F',
        route: 'schedule.week',
        read: () => staff.schedule.week.query({ start: F }),
      },
      { name: 'setup', route: 'schedule.setup', read: () => staff.schedule.setup.query() },
      slots('slots D', D),
      slots('slots E', E),
      slots('slots F', F),
      {
        name: 'alice mine',
        route: 'portalSchedule.mine',
        read: () => alice.portalSchedule.mine.query(),
      },
      {
        name: 'bob mine',
        route: 'portalSchedule.mine',
        read: () => bob.portalSchedule.mine.query(),
      },
      { name: 'board', route: 'workOrder.board', read: () => staff.workOrder.board.query() },
      { name: 'list all', route: 'workOrder.list', read: () => staff.workOrder.list.query({}) },
      {
        name: 'history alice',
        route: 'vehicle.history',
        read: () => staff.vehicle.history.query({ vehicleId: vehicles.alice }),
      },
    ];
  });
  afterAll(() => api.stop());

  /** What `mutation` made load again, of the probes. */
  const { reloadedBy } = invalidationMatrix(
    () => api,
    () => probes,
  );

  const expectLoaded = (...names: string[]) => [...new Set(names)].sort();
  const booking = (day: string, from: string, to: string, bayId = bays[0] ?? 0) => ({
    vehicleId: vehicles.alice,
    concern: 'Matrix',
    startsAt: utc(day, from),
    endsAt: utc(day, to),
    bayId,
    channel: 'phone' as const,
  });
  const everySchedule = [
    'day D',
    'day E',
    'day F',
    'week D',
    'week F',
    'setup',
    'slots D',
    'slots E',
    'slots F',
  ];

  // One story, in order: each step starts from what the previous one left.
  it("book: that day's views and slots, the customer's own list; no other day", async () => {
    expect(
      await reloadedBy(async () => {
        const booked = await staff.schedule.book.mutate(booking(D, '08:00', '09:00'));
        aliceBooking = { id: booked.id, version: booked.version };
      }),
    ).toEqual(expectLoaded('day D', 'week D', 'slots D', 'alice mine'));
  });

  it('move to the next day: both days (one week), both days of slots', async () => {
    expect(
      await reloadedBy(async () => {
        const moved = await staff.schedule.move.mutate({
          ...aliceBooking,
          startsAt: utc(E, '10:00'),
          endsAt: utc(E, '11:00'),
        });
        aliceBooking = { id: moved.id, version: moved.version };
      }),
    ).toEqual(expectLoaded('day D', 'day E', 'week D', 'slots D', 'slots E', 'alice mine'));
  });

  it('move into the next week: the day it left and the day it reached, both weeks', async () => {
    expect(
      await reloadedBy(async () => {
        const moved = await staff.schedule.move.mutate({
          ...aliceBooking,
          startsAt: utc(F, '10:00'),
          endsAt: utc(F, '11:00'),
        });
        aliceBooking = { id: moved.id, version: moved.version };
      }),
    ).toEqual(
      expectLoaded('day E', 'day F', 'week D', 'week F', 'slots E', 'slots F', 'alice mine'),
    );
  });

  let bobRequest = { id: 0, version: 0 };

  it("a portal request: that day's views and slots and the requester's own list, not alice's", async () => {
    expect(
      await reloadedBy(async () => {
        const slot = (await bob.portalSchedule.slots.query({ day: D })).slots[0];
        if (!slot) throw new Error('a free slot');
        const requested = await bob.portalSchedule.request.mutate({
          vehicleId: vehicles.bob,
          startsAt: slot.startsAt,
          concern: 'Matrix request',
        });
        bobRequest = { id: requested.id, version: requested.version };
      }),
    ).toEqual(expectLoaded('day D', 'week D', 'slots D', 'bob mine'));
  });

  it('confirm: the same rows', async () => {
    expect(
      await reloadedBy(async () => {
        const confirmed = await staff.schedule.confirm.mutate(bobRequest);
        bobRequest = { id: confirmed.id, version: confirmed.version };
      }),
    ).toEqual(expectLoaded('day D', 'week D', 'slots D', 'bob mine'));
  });

  it('no-show: the same rows', async () => {
    expect(await reloadedBy(() => staff.schedule.noShow.mutate(bobRequest))).toEqual(
      expectLoaded('day D', 'week D', 'slots D', 'bob mine'),
    );
  });

  it('cancel by staff: its day, its week, its slots, its customer', async () => {
    expect(await reloadedBy(() => staff.schedule.cancel.mutate(aliceBooking))).toEqual(
      expectLoaded('day F', 'week F', 'slots F', 'alice mine'),
    );
  });

  it("arrival: its day, and the work order it opened on the lists, the board and the vehicle's history", async () => {
    const booked = await staff.schedule.book.mutate(booking(D, '12:00', '13:00', bays[1]));
    expect(
      await reloadedBy(() =>
        staff.schedule.arrive.mutate({ id: booked.id, version: booked.version }),
      ),
    ).toEqual(
      expectLoaded(
        'day D',
        'week D',
        'slots D',
        'alice mine',
        'board',
        'list all',
        'history alice',
      ),
    );
  });

  it("the customer's own cancel in the portal: its day, week and slots, her list", async () => {
    const slot = (await alice.portalSchedule.slots.query({ day: E })).slots[0];
    if (!slot) throw new Error('a free slot');
    const requested = await alice.portalSchedule.request.mutate({
      vehicleId: vehicles.alice,
      startsAt: slot.startsAt,
      concern: 'Matrix cancel',
    });
    expect(
      await reloadedBy(() =>
        alice.portalSchedule.cancel.mutate({ id: requested.id, version: requested.version }),
      ),
    ).toEqual(expectLoaded('day E', 'week D', 'slots E', 'alice mine'));
  });

  let newBay = { id: 0, version: 0 };

  it('createBay: every view of the schedule and every day of slots; no list of the portal', async () => {
    expect(
      await reloadedBy(async () => {
        const created = await admin.schedule.createBay.mutate({ name: 'Matrix bay 3' });
        newBay = { id: created.id, version: created.version };
      }),
    ).toEqual(expectLoaded(...everySchedule));
  });

  it("updateBay: the views showing the bay's column, and the slots", async () => {
    expect(
      await reloadedBy(() => admin.schedule.updateBay.mutate({ ...newBay, name: 'Matrix bay C' })),
    ).toEqual(expectLoaded(...everySchedule));
  });

  it("setWorkingHours: the views showing the technician's column and capacity; not the slots", async () => {
    const tom = await userIdOf(api, 'tom');
    expect(
      await reloadedBy(() =>
        admin.schedule.setWorkingHours.mutate({
          technicianId: tom,
          hours: [{ weekday: 1, startMinute: 480, endMinute: 1020 }],
          daysOff: [],
        }),
      ),
    ).toEqual(expectLoaded('day D', 'day E', 'day F', 'week D', 'week F', 'setup'));
  });

  it('setOpeningHours: every view of the schedule and every day of slots', async () => {
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      opensMinute: 6 * 60,
      closesMinute: 18 * 60,
    }));
    expect(await reloadedBy(() => admin.schedule.setOpeningHours.mutate({ hours }))).toEqual(
      expectLoaded(...everySchedule),
    );
  });

  it("updateSettings: the set-up, the portal's slots and lists (its cut-off); not the staff's days", async () => {
    expect(
      await reloadedBy(() => admin.schedule.updateSettings.mutate({ portalSlotMinutes: 30 })),
    ).toEqual(expectLoaded('setup', 'slots D', 'slots E', 'slots F', 'alice mine', 'bob mine'));
  });
});
