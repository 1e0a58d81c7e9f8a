import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ownerTag } from '../src/tags/registry';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { type Listening, listen, liveClientFor, signIn } from './support/live';
import { customerIdOf } from './support/work-orders';

/** The value of an unlabelled metric in /metrics (loopback may read it). */
async function metric(api: TestApi, name: string): Promise<number> {
  const text = await (await fetch(`${api.base}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

describe('live.events: each event filtered and serialized once per audience', () => {
  let api: TestApi;
  const streams: Record<'staff' | 'alice' | 'bob', Listening[]> = { staff: [], alice: [], bob: [] };

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    // Staff share one audience whoever they are; each customer is one, over any sessions.
    const opened = { staff: 3, alice: 2, bob: 1 } as const;
    for (const [who, count] of Object.entries(opened)) {
      for (let i = 0; i < count; i++) {
        const stream = await listen(liveClientFor(api.base, await signIn(api.base, who)));
        streams[who as keyof typeof streams].push(stream);
      }
    }
    await streams.staff[0]?.until(() => api.app.live.open === 6);
  });
  afterAll(async () => {
    for (const stream of Object.values(streams).flat()) stream.stop();
    await api?.stop();
  });

  it("makes one frame for staff and one for alice, sends it to each of their five streams, and none to bob's", async () => {
    const aliceId = await customerIdOf(api, 'alice');
    const [frames, sent] = [
      await metric(api, 'garage_api_live_frames_made_total'),
      await metric(api, 'garage_api_live_events_sent_total'),
    ];
    const admin = await api.as('admin');
    await admin.cache.invalidate.mutate({ tag: ownerTag(aliceId) });
    const hearing = [...streams.staff, ...streams.alice];
    for (const stream of hearing) await stream.until((heard) => heard.events.length > 0);

    const event = { kind: 'invalidated', tags: [ownerTag(aliceId)], routes: [] };
    for (const stream of hearing) expect(stream.events).toEqual([event]);
    // One position for all: the same frame went to every stream.
    expect(new Set(hearing.map((stream) => stream.ids[0])).size).toBe(1);
    expect(await metric(api, 'garage_api_live_frames_made_total')).toBe(frames + 2);
    expect(await metric(api, 'garage_api_live_events_sent_total')).toBe(sent + 5);
    expect(streams.bob[0]?.events).toEqual([]);
  });
});
