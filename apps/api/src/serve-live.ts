import type { IncomingMessage, ServerResponse } from 'node:http';
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape } from '@trpc/server';
import superjson, { type SuperJSONResult } from 'superjson';
import type { Context } from './context';
import { toTRPCError } from './errors';
import { appRouter } from './root';
import type { LiveSink } from './services/live/live-stream';
import { LiveStream } from './services/live/live-stream';
import { connectedFrame, errorFrame, sseHeaders } from './services/live/sse-frames';
import { liveSse } from './trpc';

const livePath = 'live.events';

/** Whether a request to `path` is a live stream as tRPC's httpSubscriptionLink asks for one. */
export function isLiveStreamRequest(method: string | undefined, path: string): boolean {
  return method === 'GET' && path === `/trpc/${livePath}`;
}

const isSuperJson = (value: unknown): value is SuperJSONResult =>
  typeof value === 'object' && value !== null && 'json' in value;

/**
 * The call's input as tRPC reads it: the `input` parameter through superjson, with the id of
 * the last event the client got (its `Last-Event-ID`, or the `lastEventId` parameter) merged in.
 * Undefined when it cannot be read (tRPC then answers with its own error).
 */
function inputOf(req: IncomingMessage): { input: unknown } | undefined {
  const params = new URL(req.url ?? '/', 'http://api').searchParams;
  const raw = params.get('input');
  let input: unknown;
  try {
    const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
    if (parsed !== undefined && !isSuperJson(parsed)) return undefined;
    input = parsed && superjson.deserialize(parsed);
  } catch {
    return undefined;
  }
  const header = req.headers['last-event-id'];
  const lastEventId =
    (typeof header === 'string' ? header : undefined) ??
    params.get('lastEventId') ??
    params.get('Last-Event-Id');
  if (!lastEventId) return { input };
  if (typeof input === 'object' && input !== null) return { input: { ...input, lastEventId } };
  return { input: input ?? { lastEventId } };
}

/**
 * Answers GET /trpc/live.events: the procedure is called as tRPC calls it (its gate, its input
 * schema, its limits), then the stream it opened writes to the socket the frames the live hub
 * makes once per audience. Refusals and failures are sent as tRPC sends them: a `connected`
 * event, then the error's shape. Returns false, having written nothing, when the input cannot
 * be read (tRPC answers).
 */
export async function serveLiveStream(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const call = inputOf(req);
  if (!call) return false;
  const aborted = new AbortController();
  res.once('close', () => aborted.abort());
  res.writeHead(200, sseHeaders);
  res.write(connectedFrame(liveSse.client));
  const failure = (cause: unknown) => {
    // The edge's one map of the API's errors to tRPC's (errors.ts).
    const error = getTRPCErrorFromUnknown(toTRPCError(cause));
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.log.error(
        { err: error.cause ?? error, path: livePath, requestId: ctx.requestId },
        'procedure failed',
      );
    }
    const shape = getTRPCErrorShape({
      config: appRouter._def._config,
      ctx,
      error,
      input: call.input,
      path: livePath,
      type: 'subscription',
    });
    return errorFrame(shape);
  };
  let stream: LiveStream;
  try {
    // As tRPC's HTTP handler calls a procedure.
    const opened = await callTRPCProcedure({
      router: appRouter,
      path: livePath,
      type: 'subscription',
      ctx,
      getRawInput: async () => call.input,
      signal: aborted.signal,
      batchIndex: 0,
    });
    if (!(opened instanceof LiveStream)) throw new TypeError(`${livePath} opened no live stream`);
    stream = opened;
  } catch (cause) {
    res.end(failure(cause));
    return true;
  }
  if (aborted.signal.aborted) stream.close();
  else res.once('close', () => stream.close());
  await stream
    .attach(sinkOf(res, failure))
    .catch((cause: unknown) => stream.end(cause instanceof Error ? cause : undefined));
  return true;
}

/** A stream's frames to `res`. */
function sinkOf(res: ServerResponse, failure: (error: unknown) => Buffer): LiveSink {
  return {
    write: (frame) => void res.write(frame),
    get unsent() {
      return res.writableLength;
    },
    drained: (then) => void res.once('drain', then),
    end: (error) => void (error ? res.end(failure(error)) : res.end()),
  };
}
