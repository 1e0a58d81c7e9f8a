import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customerWorkOrdersTag, workOrderTag } from '../src/tags/registry';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { type Listening, listen, liveClientFor, signIn } from './support/live';
import { customerIdOf, freshVehicle } from './support/work-orders';

describe('live.events across API instances', () => {
  let a: TestApi;
  let b: TestApi;
  let staffOnA: Client;
  let aliceOnB: Listening;
  let aliceId = 0;
  const namespace = `live-instances-${process.pid}`;

  beforeAll(async () => {
    const databaseUrl = await seededDatabaseUrl();
    a = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), namespace });
    b = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), namespace });
    staffOnA = await a.as('staff');
    aliceId = await customerIdOf(a, 'alice');
    aliceOnB = await listen(liveClientFor(b.base, await signIn(b.base, 'alice')));
    await aliceOnB.until(() => b.app.live.open === 1);
  });
  afterAll(async () => {
    aliceOnB?.stop();
    await b?.stop();
    await a?.stop();
  });

  it('a write acknowledged on instance A reaches a stream held by instance B', async () => {
    const vehicle = await freshVehicle(a, aliceId);
    const workOrder = await staffOnA.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Brakes squeal',
      odometerIn: vehicle.mileage,
    });
    await staffOnA.workOrder.update.mutate({
      id: workOrder.id,
      version: workOrder.version,
      notes: 'pads ordered',
    });
    await aliceOnB.until((heard) => heard.tags().includes(workOrderTag(workOrder.id)));
    expect(a.app.live.open).toBe(0);
    expect(aliceOnB.tags()).toContain(customerWorkOrdersTag(aliceId));
  });

  it('says `missed` when the bus shows a lost message (the page refetches what it shows)', async () => {
    const raw = new Redis(inject('redisUrl'));
    try {
      const before = aliceOnB.events.length;
      // A publisher whose first message B hears is its 7th: six were lost.
      const message = {
        origin: 'another-instance',
        publisherSeq: 7,
        seq: '0',
        soft: false,
        fields: ['t:unrelated'],
        sentAtMs: String(Date.now()),
      };
      await raw.publish(`{${namespace}}:bus`, JSON.stringify(message));
      await aliceOnB.until((heard) => heard.events.length > before);
      expect(aliceOnB.events.slice(before)).toEqual([{ kind: 'missed' }]);
    } finally {
      raw.disconnect();
    }
  });
});
