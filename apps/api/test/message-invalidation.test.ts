import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../src/domain/schedule/shop-clock';
import { createEstimateLink } from '../src/services/messages/estimate-links';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { invalidationMatrix, type Probe } from './support/invalidation-matrix';
import { dayFromToday, setUpSchedule, utc } from './support/schedule';
import {
  customerIdOf,
  estimateWithLine,
  freshVehicle,
  userIdOf,
  workOrderWithLine,
} from './support/work-orders';

// The invalidation matrix of the message procedures, of the bookings that write a confirmation,
// of the morning round and of the delivery worker: which cached reads are loaded again at once
// after each (their entry was invalidated), and which are still answered from the cache. The
// worker is stopped and run by hand, and the round runs by hand at a morning of the shop (its
// clock is the test's), so their outcomes are steps too.

describe('message invalidation matrix', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let probes: Probe[] = [];
  const ids = { a: 0, aLines: [] as number[], b: 0, aliceId: 0, bobId: 0, bays: [] as number[] };
  /** The shop's day of the morning round's clock (the shop runs on UTC here), and its 09:00. */
  const today = dayFromToday(3);
  const roundClock = utc(today, '09:00');

  beforeAll(async () => {
    api = await startApi({
      databaseUrl: await seededDatabaseUrl(),
      redisUrl: inject('redisUrl'),
      messages: {
        from: 'Garage <shop@garage.test>',
        webUrl: 'http://garage.test',
        clock: () => roundClock,
      },
    });
    await api.app.messaging.worker.stop();
    [staff, admin, alice] = await Promise.all([api.as('staff'), api.as('admin'), api.as('alice')]);
    ids.aliceId = await customerIdOf(api, 'alice');
    ids.bobId = await customerIdOf(api, 'bob');
    const a = await estimateWithLine(api, ids.aliceId);
    const b = await workOrderWithLine(api, ids.bobId);
    Object.assign(ids, { a: a.id, aLines: a.lines.map((line) => line.id), b: b.id });
    ids.bays = await setUpSchedule(api, admin, ['Bay A']);
    // The seed's reminders due that morning are written and settled now: the round's step
    // writes only its own, and the worker's finds only the steps' messages.
    await api.app.messaging.morningRound();
    while ((await api.app.messaging.worker.deliverDue()) > 0);
    probes = [
      {
        name: 'messages A',
        route: 'message.forWorkOrder',
        read: () => staff.message.forWorkOrder.query({ workOrderId: a.id }),
      },
      {
        name: 'messages B',
        route: 'message.forWorkOrder',
        read: () => staff.message.forWorkOrder.query({ workOrderId: b.id }),
      },
      {
        name: 'alice messages',
        route: 'message.forCustomer',
        read: () => staff.message.forCustomer.query({ customerId: ids.aliceId }),
      },
      {
        name: 'bob messages',
        route: 'message.forCustomer',
        read: () => staff.message.forCustomer.query({ customerId: ids.bobId }),
      },
      {
        name: 'templates',
        route: 'message.templates',
        read: () => staff.message.templates.query(),
      },
      {
        name: 'staff byId A',
        route: 'workOrder.byId',
        read: () => staff.workOrder.byId.query({ id: a.id }),
      },
      {
        name: 'alice byId A',
        route: 'workOrder.byId',
        read: () => alice.workOrder.byId.query({ id: a.id }),
      },
      {
        name: 'list approved',
        route: 'workOrder.list',
        read: () => staff.workOrder.list.query({ status: ['approved'] }),
      },
      { name: 'board', route: 'workOrder.board', read: () => staff.workOrder.board.query() },
    ];
  });
  afterAll(() => api.stop());

  const { reloadedBy } = invalidationMatrix(
    () => api,
    () => probes,
  );

  const sorted = (...names: string[]) => [...names].sort();

  it("estimateReady: that work order's messages and its customer's; not the work order", async () => {
    expect(
      await reloadedBy(() => staff.message.estimateReady.mutate({ workOrderId: ids.a })),
    ).toEqual(sorted('messages A', 'alice messages'));
  });

  it("the worker's outcome (not sent: no mail server) reaches the same lists", async () => {
    expect(await reloadedBy(() => api.app.messaging.worker.deliverDue())).toEqual(
      sorted('messages A', 'alice messages'),
    );
  });

  it("send by hand: that work order's messages and its customer's", async () => {
    expect(
      await reloadedBy(() =>
        staff.message.send.mutate({ workOrderId: ids.b, subject: 'Hi', body: 'Hello' }),
      ),
    ).toEqual(sorted('messages B', 'bob messages'));
  });

  it("revokeLinks: that work order's messages (its links) only", async () => {
    expect(
      await reloadedBy(() => staff.message.revokeLinks.mutate({ workOrderId: ids.a })),
    ).toEqual(sorted('messages A'));
  });

  it("setPreferences: the customer's messages and their work orders' (which show the reach)", async () => {
    expect(
      await reloadedBy(() =>
        staff.message.setPreferences.mutate({ customerId: ids.aliceId, remindersOptOut: true }),
      ),
    ).toEqual(sorted('messages A', 'alice messages'));
  });

  it('updateTemplate: the templates only', async () => {
    expect(
      await reloadedBy(() =>
        admin.message.updateTemplate.mutate({
          kind: 'ready',
          subject: 'Ready: {{workOrder}}',
          body: '{{link}}',
        }),
      ),
    ).toEqual(sorted('templates'));
  });

  it('estimateLink.decide approving the estimate: the work order for staff and its customer, the approved lists, the board', async () => {
    const staffId = await userIdOf(api, 'staff');
    const token = await api.db.prisma.$transaction((tx) => createEstimateLink(tx, ids.a, staffId));
    expect(
      await reloadedBy(() =>
        api.anonymous().estimateLink.decide.mutate({
          token,
          decisions: ids.aLines.map((lineId) => ({ lineId, approved: true })),
        }),
      ),
    ).toEqual(sorted('staff byId A', 'alice byId A', 'list approved', 'board'));
  });

  it('setSending: the templates only', async () => {
    expect(
      await reloadedBy(() => admin.message.setSending.mutate({ kind: 'invoice', send: false })),
    ).toEqual(sorted('templates'));
  });

  /** A booking of `customerId`'s new vehicle in Bay A on `day` at 10:00 UTC. */
  async function booking(customerId: number, day: string) {
    return {
      vehicleId: (await freshVehicle(api, customerId)).id,
      concern: 'Brakes',
      startsAt: utc(day, '10:00'),
      endsAt: utc(day, '11:00'),
      bayId: ids.bays[0] ?? 0,
      channel: 'phone' as const,
    };
  }

  // A customer's messages reach their work orders' lists too (which show the customer's reach).
  it("schedule.book: the customer's messages (its confirmation)", async () => {
    // Tomorrow of the round's clock: the morning round's step reminds of it.
    const fields = await booking(ids.aliceId, addDays(today, 1));
    expect(await reloadedBy(() => staff.schedule.book.mutate(fields))).toEqual(
      sorted('alice messages', 'messages A'),
    );
  });

  it("schedule.confirm: the customer's messages (its confirmation)", async () => {
    const fields = await booking(ids.bobId, addDays(today, 5));
    const requested = await api.db.prisma.appointment.create({
      data: { ...fields, customerId: ids.bobId, status: 'requested' },
    });
    expect(
      await reloadedBy(() =>
        staff.schedule.confirm.mutate({ id: requested.id, version: requested.version }),
      ),
    ).toEqual(sorted('bob messages', 'messages B'));
  });

  it("the morning round: the message lists of the customers it wrote to (tomorrow's appointment)", async () => {
    expect(await reloadedBy(() => api.app.messaging.morningRound())).toEqual(
      sorted('alice messages', 'messages A'),
    );
  });
});
