import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appRouter } from '../src/root';
import { createAudiences } from '../src/services/live/audience';
import { customerReach } from '../src/tags/customer-reach';
import * as tags from '../src/tags/registry';
import { hearingOf, type tagKinds } from '../src/tags/registry';
import { callersByPath } from '../src/trpc';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { type Listening, listen, liveClientFor, signIn } from './support/live';
import { versionOf } from './support/versions';
import { customerIdOf, freshVehicle } from './support/work-orders';

// What a customer's live stream may name: their owner tag and portal list, their vehicles, their
// work orders (and those work orders' vehicles). Read from the database, not from the code
// under test.
async function reachOf(api: TestApi, customerId: number): Promise<Set<string>> {
  const vehicles = await api.db.prisma.vehicle.findMany({ where: { ownerId: customerId } });
  const workOrders = await api.db.prisma.workOrder.findMany({ where: { customerId } });
  return new Set([
    tags.ownerTag(customerId),
    tags.customerWorkOrdersTag(customerId),
    tags.customerAppointmentsTag(customerId),
    ...vehicles.flatMap((v) => [
      tags.vehicleTag(v.id),
      tags.vehicleHistoryTag(v.id),
      tags.measurementsTag(v.id),
    ]),
    ...workOrders.flatMap((w) => [
      tags.workOrderTag(w.id),
      tags.vehicleTag(w.vehicleId),
      tags.inspectionTag(w.id),
    ]),
  ]);
}

/** A small deterministic generator (mulberry32), so a failing run can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
}

describe('live.events: what each principal hears', () => {
  let api: TestApi;
  let staff: Client;
  const people = {
    alice: {
      customerId: 0,
      vehicles: [] as number[],
      workOrders: [] as number[],
      writes: 0,
      written: new Set<number>(),
    },
    bob: {
      customerId: 0,
      vehicles: [] as number[],
      workOrders: [] as number[],
      writes: 0,
      written: new Set<number>(),
    },
  };
  let heard: { alice: Listening; bob: Listening; staff: Listening };

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    for (const who of ['alice', 'bob'] as const) {
      const person = people[who];
      person.customerId = await customerIdOf(api, who);
      for (let i = 0; i < 2; i++) {
        const vehicle = await freshVehicle(api, person.customerId, 10_000);
        person.vehicles.push(vehicle.id);
        const workOrder = await staff.workOrder.create.mutate({
          vehicleId: vehicle.id,
          concern: `${who} ${i}`,
          odometerIn: 10_000,
        });
        person.workOrders.push(workOrder.id);
      }
    }
    const [alice, bob, staffStream] = await Promise.all(
      ['alice', 'bob', 'staff'].map(async (who) =>
        listen(liveClientFor(api.base, await signIn(api.base, who))),
      ),
    );
    if (!alice || !bob || !staffStream) throw new Error('three streams were opened');
    heard = { alice, bob, staff: staffStream };
    // The stream counts as open once the hub holds it (its start event may come first).
    await heard.alice.until(() => api.app.live.open === 3);
  });

  afterAll(async () => {
    for (const stream of Object.values(heard ?? {})) stream.stop();
    await api?.stop();
  });

  // A thousand writes, each read at its record's version first as a form would be: about a
  // minute on a busy two-core machine, so more than the default minute to finish.
  it('over 1,000 random writes, a customer hears each write to what is theirs and nothing of the other', async () => {
    const next = random(16);
    let sessionsEnded = 0;
    for (let i = 0; i < 1_000; i++) {
      const who = next(2) === 0 ? 'alice' : 'bob';
      const person = people[who];
      const pick = (ids: number[]) => ids[next(ids.length)] ?? 0;
      const writeTo = () => {
        const id = pick(person.workOrders);
        person.written.add(id);
        return id;
      };
      const kind = next(100);
      if (kind < 30) {
        const id = pick(person.vehicles);
        const version = await versionOf(api, 'vehicle', id);
        await staff.vehicle.update.mutate({ id, version, notes: `note ${i}` });
      } else if (kind < 55) {
        const id = writeTo();
        const version = await versionOf(api, 'workOrder', id);
        await staff.workOrder.update.mutate({ id, version, notes: `note ${i}` });
      } else if (kind < 80) {
        await staff.workOrder.addLine.mutate({
          workOrderId: writeTo(),
          kind: 'fee',
          description: `fee ${i}`,
          quantity: '1',
          unitPriceCents: 100 + i,
        });
      } else if (kind < 95) {
        const id = person.customerId;
        const version = await versionOf(api, 'customer', id);
        await staff.customer.update.mutate({ id, version, notes: `note ${i}` });
      } else if (kind < 98) {
        const workOrder = await staff.workOrder.create.mutate({
          vehicleId: pick(person.vehicles),
          concern: `new ${i}`,
          odometerIn: 10_000,
        });
        person.workOrders.push(workOrder.id);
      } else {
        // A sign-out elsewhere: its session's tag is invalidated, and is nobody's to hear.
        const other = liveClientFor(api.base, await signIn(api.base, 'admin'));
        await other.auth.logout.mutate();
        sessionsEnded++;
        continue;
      }
      person.writes++;
    }
    expect(sessionsEnded).toBeGreaterThan(0);
    expect(people.alice.writes).toBeGreaterThan(400);
    expect(people.bob.writes).toBeGreaterThan(400);

    // Events of one stream arrive in order, one per write that reached the customer.
    await heard.alice.until((h) => h.events.length >= people.alice.writes);
    await heard.bob.until((h) => h.events.length >= people.bob.writes);
    expect(heard.alice.events).toHaveLength(people.alice.writes);
    expect(heard.bob.events).toHaveLength(people.bob.writes);

    const reach = {
      alice: await reachOf(api, people.alice.customerId),
      bob: await reachOf(api, people.bob.customerId),
    };
    for (const [who, other] of [
      ['alice', 'bob'],
      ['bob', 'alice'],
    ] as const) {
      const named = heard[who].tags();
      expect(named.filter((tag) => !reach[who].has(tag))).toEqual([]);
      expect(named.filter((tag) => reach[other].has(tag))).toEqual([]);
      // Every work order written to, the new ones included, was heard of.
      expect(people[who].written.size).toBeGreaterThan(2);
      for (const id of people[who].written) expect(named).toContain(tags.workOrderTag(id));
      expect(
        heard[who].events.every((e) => e.kind === 'invalidated' && e.routes.length === 0),
      ).toBe(true);
    }

    // Staff hear everyone's writes (with the lists' routes), and never a session's tag.
    await heard.staff.until((h) =>
      h.tags().includes(tags.workOrderTag(people.bob.workOrders.at(-1) ?? 0)),
    );
    expect(heard.staff.tags().filter((tag) => tag.startsWith('session:'))).toEqual([]);
    expect(heard.staff.tags()).toContain(tags.ownerTag(people.alice.customerId));
    expect(heard.staff.tags()).toContain(tags.ownerTag(people.bob.customerId));
    expect(
      heard.staff.events.some(
        (e) => e.kind === 'invalidated' && e.routes.includes('customer.list'),
      ),
    ).toBe(true);
  }, 180_000);

  it('a vehicle moved from bob to alice reaches both, each with their own owner tag only', async () => {
    const [vehicleId] = people.bob.vehicles;
    if (vehicleId === undefined) throw new Error('bob has vehicles');
    const before = { alice: heard.alice.events.length, bob: heard.bob.events.length };
    await staff.vehicle.update.mutate({
      id: vehicleId,
      version: await versionOf(api, 'vehicle', vehicleId),
      ownerId: people.alice.customerId,
    });
    await heard.alice.until((h) => h.events.length > before.alice);
    await heard.bob.until((h) => h.events.length > before.bob);
    expect(heard.alice.events.slice(before.alice)).toEqual([
      {
        kind: 'invalidated',
        tags: [tags.ownerTag(people.alice.customerId), tags.vehicleTag(vehicleId)],
        routes: [],
      },
    ]);
    expect(heard.bob.events.slice(before.bob)).toEqual([
      {
        kind: 'invalidated',
        tags: [tags.ownerTag(people.bob.customerId), tags.vehicleTag(vehicleId)],
        routes: [],
      },
    ]);
  });

  it('an admin clearing the cache tells every stream to refetch all it shows', async () => {
    const admin = await api.as('admin');
    const before = heard.alice.events.length;
    await admin.cache.invalidate.mutate({ all: true });
    await heard.alice.until((h) => h.events.length > before);
    expect(heard.alice.events.at(-1)).toEqual({ kind: 'missed' });
  });

  it('staff hear every tag shape the registry builds, and never a session tag', async () => {
    const staffUser = { id: 1, email: 'staff@garage.test', name: 'Staff', role: 'staff' as const };
    const audiences = createAudiences({
      prisma: api.db.prisma,
      callersOf: callersByPath(appRouter),
    });
    const scope = await audiences.create({ ...staffUser, customerId: null });
    const built = [
      tags.ownerTag(7),
      tags.vehicleTag(7),
      tags.workOrderTag(7),
      tags.vehicleHistoryTag(7),
      tags.customerWorkOrdersTag(7),
      tags.workOrderStatusTag('in_progress'),
      tags.technicianTag(7),
      tags.workOrderSearchTag,
      tags.workOrderBoardTag,
      tags.remindersTag,
      tags.settingsTag,
      tags.scheduleDayTag('2026-03-08'),
      tags.scheduleBayTag(7),
      tags.scheduleTechnicianTag(7),
      tags.scheduleSetupTag,
      tags.scheduleSlotsTag('2026-03-08'),
      tags.customerAppointmentsTag(7),
    ];
    const event = { kind: 'invalidated' as const, soft: false, routes: [] };
    expect(await scope.filter({ ...event, tags: [...built, 'session:abc'] })).toEqual({
      kind: 'invalidated',
      tags: built,
      routes: [],
    });
    expect(await scope.filter({ ...event, tags: ['session:abc'] })).toBeUndefined();
  });

  it("for each tag kind, a customer's live filter hears exactly what the registry's rule says", async () => {
    const audiences = createAudiences({
      prisma: api.db.prisma,
      callersOf: callersByPath(appRouter),
    });
    // A car bob sold to alice: his work order on it stays his, the car is hers now.
    const sold = await freshVehicle(api, people.bob.customerId, 10_000);
    const bobsOrder = await staff.workOrder.create.mutate({
      vehicleId: sold.id,
      concern: 'Before the sale',
      odometerIn: 10_000,
    });
    await staff.vehicle.update.mutate({
      id: sold.id,
      version: sold.version,
      ownerId: people.alice.customerId,
    });
    const ids = {
      customers: [people.alice.customerId, people.bob.customerId, 999_999],
      vehicles: [...people.alice.vehicles, ...people.bob.vehicles, sold.id, 999_999],
      workOrders: [...people.alice.workOrders, ...people.bob.workOrders, bobsOrder.id, 999_999],
    };
    // Every kind the registry declares, with tags of alice's, of bob's and of nobody's: a new
    // kind does not compile here until it is given some.
    const samples: { [Kind in keyof typeof tagKinds]: string[] } = {
      owner: ids.customers.map(tags.ownerTag),
      vehicle: ids.vehicles.map(tags.vehicleTag),
      workOrder: ids.workOrders.map(tags.workOrderTag),
      vehicleHistory: ids.vehicles.map(tags.vehicleHistoryTag),
      customerWorkOrders: ids.customers.map(tags.customerWorkOrdersTag),
      workOrderStatus: [tags.workOrderStatusTag('approved'), tags.workOrderStatusTag('paid')],
      technician: [tags.technicianTag(1)],
      workOrderSearch: [tags.workOrderSearchTag],
      workOrderBoard: [tags.workOrderBoardTag],
      reminders: [tags.remindersTag],
      settings: [tags.settingsTag],
      scheduleDay: [tags.scheduleDayTag('2026-03-08')],
      scheduleBay: [tags.scheduleBayTag(1)],
      scheduleTechnician: [tags.scheduleTechnicianTag(1)],
      scheduleSetup: [tags.scheduleSetupTag],
      scheduleSlots: [tags.scheduleSlotsTag('2026-03-08')],
      customerAppointments: ids.customers.map(tags.customerAppointmentsTag),
      session: [tags.sessionTag('abc')],
      savedJobs: [tags.savedJobsTag],
      inspectionTemplates: [tags.inspectionTemplatesTag],
      inspection: ids.workOrders.map(tags.inspectionTag),
      measurements: ids.vehicles.map(tags.measurementsTag),
      wearDueSoon: [tags.wearDueSoonTag],
      // Staff's alone: a customer hears none of them, their own included.
      workOrderMessages: ids.workOrders.map(tags.workOrderMessagesTag),
      customerMessages: ids.customers.map(tags.customerMessagesTag),
      messageTemplates: [tags.messageTemplatesTag],
    };
    for (const who of ['alice', 'bob'] as const) {
      const user = await api.db.prisma.user.findUniqueOrThrow({
        where: { email: `${who}@garage.test` },
        select: { id: true, email: true, name: true, role: true, customerId: true },
      });
      const audience = await audiences.create(user);
      const rule = await customerReach(api.db.prisma, people[who].customerId);
      const theirs = await reachOf(api, people[who].customerId);
      for (const [kind, sampled] of Object.entries(samples)) {
        for (const tag of sampled) {
          const event = { kind: 'invalidated' as const, soft: false, tags: [tag], routes: [] };
          const heard = (await audience.filter(event)) !== undefined;
          const ruled = hearingOf(tag)?.customer(rule) ?? false;
          expect({ who, kind, tag, heard }).toEqual({ who, kind, tag, heard: ruled });
          // The rule gives a customer their own rows (from the database), the shop's settings,
          // and the portal's free slots of a day (which name nobody).
          expect({ who, kind, tag, ruled }).toEqual({
            who,
            kind,
            tag,
            ruled:
              theirs.has(tag) ||
              tag === tags.settingsTag ||
              tag === tags.scheduleSlotsTag('2026-03-08'),
          });
        }
      }
    }
  });
});
