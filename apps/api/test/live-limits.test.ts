import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { codeOf, type Listening, listen, liveClientFor, signIn } from './support/live';

/** The value of an unlabelled metric in /metrics (loopback may read it). */
async function metric(api: TestApi, name: string): Promise<number> {
  const text = await (await fetch(`${api.base}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

/** The first server-sent events of a raw GET of live.events (until one names an error). */
async function rawStream(api: TestApi, cookie: string, query: string): Promise<string> {
  const controller = new AbortController();
  const response = await fetch(`${api.base}/trpc/live.events?${query}`, {
    headers: { cookie },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  let text = '';
  while (reader && !text.includes('serialized-error')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  controller.abort();
  return text;
}

describe('live.events: who may listen, and how many', () => {
  let api: TestApi;
  const streams: Listening[] = [];
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({
      databaseUrl: await seededDatabaseUrl(),
      redisUrl: inject('redisUrl'),
      liveLimits: { perSession: 2, perInstance: 3 },
    });
    for (const who of ['alice', 'bob', 'staff']) cookies[who] = await signIn(api.base, who);
  });
  afterAll(async () => {
    for (const stream of streams) stream.stop();
    await api?.stop();
  });

  async function open(who: string): Promise<Listening> {
    const stream = await listen(liveClientFor(api.base, cookies[who]));
    streams.push(stream);
    return stream;
  }

  it('refuses an anonymous caller with UNAUTHORIZED', async () => {
    const stream = await listen(liveClientFor(api.base, undefined));
    await stream.until((heard) => heard.error !== undefined);
    expect(codeOf(stream)).toBe('UNAUTHORIZED');
    stream.stop();
  });

  it('refuses an unknown input key with BAD_REQUEST naming it', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { zzUnknownKey: 1 } }));
    const text = await rawStream(api, cookies.alice ?? '', `input=${input}`);
    expect(text).toContain('"BAD_REQUEST"');
    expect(text).toContain('zzUnknownKey');
  });

  it('holds a session and the instance to their limits, naming them, and frees a place on disconnect', async () => {
    const [first] = [await open('alice'), await open('alice')];
    await first?.until(() => api.app.live.open === 2);
    const third = await open('alice');
    await third.until((heard) => heard.error !== undefined);
    expect(codeOf(third)).toBe('TOO_MANY_REQUESTS');
    expect(third.error?.message).toContain('LIVE_MAX_STREAMS_PER_SESSION');
    expect(third.error?.message).toContain('at most 2');

    const bobs = await open('bob');
    await bobs.until(() => api.app.live.open === 3);
    const staffs = await open('staff');
    await staffs.until((heard) => heard.error !== undefined);
    expect(codeOf(staffs)).toBe('TOO_MANY_REQUESTS');
    expect(staffs.error?.message).toContain('LIVE_MAX_STREAMS');
    expect(staffs.error?.message).toContain('maximum of 3');
    expect(await metric(api, 'garage_api_live_streams')).toBe(3);

    // A client that goes away frees its place, in the session's count and the instance's.
    first?.stop();
    await bobs.until(() => api.app.live.open === 2);
    expect(await metric(api, 'garage_api_live_streams')).toBe(2);
    const again = await open('alice');
    await again.until(() => api.app.live.open === 3);
    expect(again.error).toBeUndefined();
  });

  it('counts the events it sends in /metrics', async () => {
    const before = await metric(api, 'garage_api_live_events_sent_total');
    const listening = streams.filter((stream) => stream.error === undefined && !stream.stopped);
    const admin = await signIn(api.base, 'admin');
    await liveClientFor(api.base, admin).cache.invalidate.mutate({ all: true });
    for (const stream of listening) await stream.until((heard) => heard.events.length > 0);
    expect(await metric(api, 'garage_api_live_events_sent_total')).toBe(before + listening.length);
  });

  it('ends a stream whose session signed out, and every stream when the API drains', async () => {
    for (const stream of streams.splice(0)) stream.stop();
    const mine = await signIn(api.base, 'staff');
    const ending = await listen(liveClientFor(api.base, mine));
    const staying = await open('staff');
    await staying.until(() => api.app.live.open === 2);
    await liveClientFor(api.base, mine).auth.logout.mutate();
    await ending.until((heard) => heard.error !== undefined);
    expect(codeOf(ending)).toBe('UNAUTHORIZED');
    expect(staying.error).toBeUndefined();

    // Draining ends the rest with a code the client retries (elsewhere, or here once back).
    api.app.live.close();
    await staying.until(() => api.app.live.open === 0);
    expect(staying.error).toBeUndefined();
  });
});
