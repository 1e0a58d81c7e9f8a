import superjson from 'superjson';

// tRPC's server-sent events as its httpSubscriptionLink reads them, written here so that one
// event's frame is made once and the same bytes go to every stream that hears it (tRPC's own
// producer serializes each value once per stream, through a chain of web streams).
// `test/live-frames.test.ts` compares them with what tRPC's producer writes for the same
// events, so a tRPC upgrade that changes its wire breaks that test, not the live screens.

/** The response head of a stream. */
export const sseHeaders = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

/** One event: its fields, a line each, then tRPC's blank lines. */
function frame(fields: string): Buffer {
  return Buffer.from(`${fields}\n\n`);
}

/** The first frame: the stream is open, with the options the client is to follow. */
export function connectedFrame(client: object): Buffer {
  return frame(`event: connected\ndata: ${JSON.stringify(client)}\n`);
}

/** Keeps an idle stream open through proxies; the client ignores it. */
export const pingFrame = frame('event: ping\ndata: \n');

/** A value (serialized as the API's transformer does) at `id`, the position to resume from. */
export function dataFrame(id: string, data: unknown): Buffer {
  return frame(`data: ${JSON.stringify(superjson.serialize(data))}\nid: ${id}\n`);
}

/** The last frame of a stream that failed: the error's shape, as tRPC formats it. */
export function errorFrame(shape: unknown): Buffer {
  return frame(`event: serialized-error\ndata: ${JSON.stringify(superjson.serialize(shape))}\n`);
}
