import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ownerTag,
  vehicleTag,
  workOrderBoardTag,
  workOrderStatusTag,
  workOrderTag,
} from '../src/tags/registry';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { type Listening, listen, liveClientFor, signIn } from './support/live';
import { callRaw } from './support/raw';
import { versionOf } from './support/versions';
import { customerIdOf, freshVehicle } from './support/work-orders';

/** The `x-cache-invalidated` entries of an answer (null: none). */
const invalidatedOf = (headers: Headers): unknown =>
  JSON.parse(headers.get('x-cache-invalidated') ?? 'null');

describe("a mutation's answer says what it invalidated, as the caller's live stream would", () => {
  let api: TestApi;
  let staff: Client;
  let cookies: { staff: string; alice: string };
  let aliceId = 0;
  let bobId = 0;
  const streams: Listening[] = [];

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    cookies = { staff: await signIn(api.base, 'staff'), alice: await signIn(api.base, 'alice') };
    [aliceId, bobId] = [await customerIdOf(api, 'alice'), await customerIdOf(api, 'bob')];
  });
  afterAll(async () => {
    for (const stream of streams) stream.stop();
    await api?.stop();
  });

  it('names, for staff, each call of a batch in order: a moved vehicle reaches both owners', async () => {
    const vehicle = await freshVehicle(api, aliceId);
    const answer = await callRaw(api.base, ['vehicle.update', 'customer.update'], {
      method: 'POST',
      inputs: [
        { id: vehicle.id, version: vehicle.version, ownerId: bobId },
        { id: bobId, version: await versionOf(api, 'customer', bobId), notes: 'moved in' },
      ],
      headers: { cookie: cookies.staff },
    });
    expect(answer.codes).toEqual(['OK', 'OK']);
    expect(invalidatedOf(answer.headers)).toEqual([
      {
        kind: 'invalidated',
        tags: [ownerTag(aliceId), ownerTag(bobId), vehicleTag(vehicle.id)],
        routes: ['vehicle.list'],
      },
      { kind: 'invalidated', tags: [ownerTag(bobId)], routes: ['customer.list', 'vehicle.list'] },
    ]);
  });

  it("tells a customer only what her own stream hears: her work order, not the staff's lists it moved on", async () => {
    const vehicle = await freshVehicle(api, aliceId);
    const workOrder = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Squeaky brakes',
      odometerIn: vehicle.mileage,
    });
    const { lines } = await staff.workOrder.addLine.mutate({
      workOrderId: workOrder.id,
      kind: 'labor',
      description: 'Inspect brakes',
      quantity: '1',
      unitPriceCents: 5_000,
    });
    const lineId = lines[0]?.id ?? 0;
    const heard = await listen(liveClientFor(api.base, cookies.alice));
    streams.push(heard);
    const staffHeard = await listen(liveClientFor(api.base, cookies.staff));
    streams.push(staffHeard);
    await heard.until(() => api.app.live.open === 2);

    const answer = await callRaw(api.base, ['workOrder.decideLines'], {
      method: 'POST',
      inputs: [{ workOrderId: workOrder.id, decisions: [{ lineId, approved: true }] }],
      headers: { cookie: cookies.alice },
    });
    expect(answer.codes).toEqual(['OK']);
    const mine = { kind: 'invalidated', tags: [workOrderTag(workOrder.id)], routes: [] };
    expect(invalidatedOf(answer.headers)).toEqual([mine]);
    // The same write, as staff hear it, moved the work order on their lists and board.
    await staffHeard.until((h) => h.tags().includes(workOrderStatusTag('approved')));
    expect(staffHeard.tags()).toContain(workOrderBoardTag);
    await heard.until((h) => h.events.length > 0);
    expect(heard.events).toEqual([mine]);
  });

  it('says nothing on a refused write, nor on a read', async () => {
    const vehicle = await freshVehicle(api, aliceId);
    const refused = await callRaw(api.base, ['vehicle.update'], {
      method: 'POST',
      inputs: [{ id: vehicle.id, version: vehicle.version, notes: 'mine' }],
      headers: { cookie: cookies.alice },
    });
    expect(refused.codes).toEqual(['FORBIDDEN']);
    expect(refused.headers.get('x-cache-invalidated')).toBeNull();
    const read = await callRaw(api.base, ['vehicle.byId'], {
      inputs: [{ id: vehicle.id }],
      headers: { cookie: cookies.staff },
    });
    expect(read.codes).toEqual(['OK']);
    expect(read.headers.get('x-cache-invalidated')).toBeNull();
  });

  it("says an admin's clear of everything as `missed`: the page refetches all it shows", async () => {
    const admin = await signIn(api.base, 'admin');
    const answer = await callRaw(api.base, ['cache.invalidate'], {
      method: 'POST',
      inputs: [{ all: true }],
      headers: { cookie: admin },
    });
    expect(answer.codes).toEqual(['OK']);
    expect(invalidatedOf(answer.headers)).toEqual([{ kind: 'missed' }]);
  });
});
