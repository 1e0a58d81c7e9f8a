import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getTRPCErrorShape, initTRPC, TRPCError, tracked } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectedFrame,
  dataFrame,
  errorFrame,
  pingFrame,
  sseHeaders,
} from '../src/services/live/sse-frames';
import { liveSse } from '../src/trpc';

// The live hub writes tRPC's server-sent events itself (once per audience); these are the bytes
// tRPC's own producer writes for the same events, through its public HTTP handler. A tRPC
// upgrade that changes them fails here.

/** A gate the test opens when it is ready. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const invalidated = { kind: 'invalidated', tags: ['owner:1'], routes: ['vehicle.list'] } as const;
const missed = { kind: 'missed' } as const;
const ended = new TRPCError({ code: 'UNAUTHORIZED', message: 'the session has ended' });

describe("live frames are tRPC's server-sent events, byte for byte", () => {
  const pinged = gate();
  // The API's transformer and SSE options, with a ping that comes quickly.
  const t = initTRPC.create({
    transformer: superjson,
    sse: { ...liveSse, ping: { enabled: true, intervalMs: 20 } },
  });
  const router = t.router({
    events: t.procedure.subscription(async function* () {
      await pinged.opened;
      yield tracked('e:1', invalidated);
      yield tracked('e:2', missed);
      throw ended;
    }),
  });
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer(createHTTPHandler({ router }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('writes the same head, connected, ping, data and error frames', async () => {
    const response = await fetch(`${base}/events`);
    for (const [name, value] of Object.entries(sseHeaders)) {
      expect(response.headers.get(name)).toBe(value);
    }
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (reader) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.includes('event: ping')) pinged.open();
    }
    const shape = getTRPCErrorShape({
      config: router._def._config,
      ctx: undefined,
      error: ended,
      input: undefined,
      path: 'events',
      type: 'subscription',
    });
    // Pings come while the events wait: tRPC's stream is ours with its pings taken out.
    const ping = pingFrame.toString();
    expect(text.startsWith(`${connectedFrame(liveSse.client)}${ping}`)).toBe(true);
    expect(text.replaceAll(ping, '')).toBe(
      [
        connectedFrame(liveSse.client),
        dataFrame('e:1', invalidated),
        dataFrame('e:2', missed),
        errorFrame(shape),
      ].join(''),
    );
  });
});
