import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customerWorkOrdersTag, ownerTag, vehicleTag, workOrderTag } from '../src/tags/registry';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { type Listening, listen, liveClientFor, renderedPosition, signIn } from './support/live';
import { customerIdOf, freshVehicle } from './support/work-orders';

/** A gate a test opens when it is ready. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/**
 * Resolves once `api`'s instance has applied an invalidation of `tag`, wherever it was made:
 * a stream that connects afterwards can only learn of it from the log.
 */
function appliedOn(api: TestApi, tag: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = api.app.cache.onInvalidation((event) => {
      if (event.kind !== 'invalidated' || !event.tags.includes(tag)) return;
      stop();
      resolve();
    });
  });
}

/**
 * A page whose server render read from `renderedOn` and whose stream connects to `streamOn`,
 * slowly: the connect waits at a gate while `meanwhile` runs, then resumes from the render's
 * position (as the web page does with `lastEventId`).
 */
async function slowPage(options: {
  renderedOn: TestApi;
  streamOn: TestApi;
  cookie: string;
  render: { path: string; input?: unknown };
  meanwhile: () => Promise<unknown>;
}): Promise<Listening> {
  const { renderedOn, streamOn, cookie, render } = options;
  const position = await renderedPosition(renderedOn.base, cookie, render.path, render.input);
  const connect = gate();
  const client = liveClientFor(streamOn.base, cookie, { connectAfter: connect.opened });
  const listening = listen(client, position);
  await options.meanwhile();
  connect.open();
  return listening;
}

describe('live.events resumes from what the page was rendered from', () => {
  let a: TestApi;
  let b: TestApi;
  let cookies: { staff: string; alice: string; bob: string };
  let aliceId = 0;
  let bobId = 0;
  const streams: Listening[] = [];
  const namespace = `live-resume-${process.pid}`;

  beforeAll(async () => {
    const databaseUrl = await seededDatabaseUrl();
    a = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), namespace });
    b = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), namespace });
    cookies = {
      staff: await signIn(a.base, 'staff'),
      alice: await signIn(a.base, 'alice'),
      bob: await signIn(a.base, 'bob'),
    };
    aliceId = await customerIdOf(a, 'alice');
    bobId = await customerIdOf(a, 'bob');
  });
  afterAll(async () => {
    for (const stream of streams) stream.stop();
    await b?.stop();
    await a?.stop();
  });

  async function openWorkOrder(api: TestApi, ownerId: number) {
    const vehicle = await freshVehicle(api, ownerId);
    const staff = await api.as('staff');
    const workOrder = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Grinding when braking',
      odometerIn: vehicle.mileage,
    });
    return { staff, vehicle, workOrder };
  }

  const addLine = (api: TestApi, workOrderId: number, description: string) =>
    api.as('staff').then((staff) =>
      staff.workOrder.addLine.mutate({
        workOrderId,
        kind: 'part',
        description,
        quantity: '1',
        unitPriceCents: 1_000,
      }),
    );

  for (const [renderedOn, changedOn] of [
    ['A', 'B'],
    ['B', 'A'],
  ] as const) {
    it(`delivers a line added on ${changedOn} between a render on ${renderedOn} and the stream's connect`, async () => {
      const api = { A: a, B: b };
      const { workOrder } = await openWorkOrder(a, aliceId);
      const page = await slowPage({
        renderedOn: api[renderedOn],
        streamOn: api[renderedOn],
        cookie: cookies.staff,
        render: { path: 'workOrder.byId', input: { id: workOrder.id } },
        meanwhile: async () => {
          const applied = appliedOn(api[renderedOn], workOrderTag(workOrder.id));
          await addLine(api[changedOn], workOrder.id, 'Brake rotor');
          await applied;
        },
      });
      streams.push(page);
      await page.until((heard) => heard.tags().includes(workOrderTag(workOrder.id)));
      expect(page.events.every((event) => event.kind === 'invalidated')).toBe(true);
    });
  }

  it('resumes from an event it heard: what came after it is delivered again on reconnect', async () => {
    const { workOrder } = await openWorkOrder(a, aliceId);
    const first = await listen(liveClientFor(b.base, cookies.staff));
    await addLine(a, workOrder.id, 'Oil filter');
    await first.until((heard) => heard.tags().includes(workOrderTag(workOrder.id)));
    const lastId = first.ids.at(-1);
    first.stop();
    const applied = appliedOn(a, workOrderTag(workOrder.id));
    await addLine(b, workOrder.id, 'Drain plug washer');
    await applied;
    const again = await listen(liveClientFor(a.base, cookies.staff), lastId);
    streams.push(again);
    await again.until((heard) => heard.tags().includes(workOrderTag(workOrder.id)));
  });

  it('replays to a customer only what is theirs, as the live stream would', async () => {
    const alices = await openWorkOrder(a, aliceId);
    const bobs = await openWorkOrder(a, bobId);
    const page = await slowPage({
      renderedOn: a,
      streamOn: b,
      cookie: cookies.alice,
      render: { path: 'portal.myWorkOrders' },
      meanwhile: async () => {
        const applied = appliedOn(b, workOrderTag(alices.workOrder.id));
        await addLine(b, bobs.workOrder.id, "Bob's wiper blades");
        await addLine(a, alices.workOrder.id, "Alice's brake fluid");
        await applied;
      },
    });
    streams.push(page);
    await page.until((heard) => heard.tags().includes(workOrderTag(alices.workOrder.id)));
    // Both lines were added before the stream connected: all it heard came from the log.
    const bobsTags: string[] = [
      ownerTag(bobId),
      customerWorkOrdersTag(bobId),
      vehicleTag(bobs.vehicle.id),
      workOrderTag(bobs.workOrder.id),
    ];
    expect(page.tags().filter((tag) => bobsTags.includes(tag))).toEqual([]);
  });

  it('says `missed` to a page rendered before what the log keeps, or from a position it cannot read', async () => {
    const small = await startApi({
      databaseUrl: await seededDatabaseUrl(),
      redisUrl: inject('redisUrl'),
      liveReplayEvents: 2,
    });
    try {
      const cookie = await signIn(small.base, 'staff');
      const { workOrder } = await openWorkOrder(small, await customerIdOf(small, 'alice'));
      const page = await slowPage({
        renderedOn: small,
        streamOn: small,
        cookie,
        render: { path: 'workOrder.byId', input: { id: workOrder.id } },
        meanwhile: async () => {
          for (const part of ['Bulb', 'Fuse', 'Relay']) await addLine(small, workOrder.id, part);
        },
      });
      await page.until((heard) => heard.events.length > 0);
      expect(page.events[0]).toEqual({ kind: 'missed' });
      page.stop();
      const garbled = await listen(liveClientFor(small.base, cookie), 'not-a-position');
      await garbled.until((heard) => heard.events.length > 0);
      expect(garbled.events).toEqual([{ kind: 'missed' }]);
      garbled.stop();
    } finally {
      await small.stop();
    }
  });
});
