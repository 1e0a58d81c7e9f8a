import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEstimateLink } from '../src/services/messages/estimate-links';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { invalidationMatrix, type Probe } from './support/invalidation-matrix';
import { customerIdOf, estimateWithLine, userIdOf, workOrderWithLine } from './support/work-orders';

// The invalidation matrix of the message procedures and of the delivery worker: which cached
// reads are loaded again at once after each (their entry was invalidated), and which are still
// answered from the cache. The worker is stopped and run by hand, so its outcomes are steps too.

describe('message invalidation matrix', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let probes: Probe[] = [];
  const ids = { a: 0, aLines: [] as number[], b: 0, aliceId: 0, bobId: 0 };

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    await api.app.messaging.worker.stop();
    [staff, admin, alice] = await Promise.all([api.as('staff'), api.as('admin'), api.as('alice')]);
    ids.aliceId = await customerIdOf(api, 'alice');
    ids.bobId = await customerIdOf(api, 'bob');
    const a = await estimateWithLine(api, ids.aliceId);
    const b = await workOrderWithLine(api, ids.bobId);
    Object.assign(ids, { a: a.id, aLines: a.lines.map((line) => line.id), b: b.id });
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
});
