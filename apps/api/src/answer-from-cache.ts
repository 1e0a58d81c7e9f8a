import type { ServerResponse } from 'node:http';
import { type QueryRequest, storedResponseBody } from '@garage/cache';
import type { Context } from './context';
import { appRouter } from './root';
import { cacheAnswerer } from './trpc';

/** The cached queries of the API, known when it starts (never learnt from traffic). */
const answerer = cacheAnswerer(appRouter);

/**
 * Answers a GET of cached queries before tRPC's HTTP handling runs, when every call is a fresh
 * hit (L1, or Redis) for this caller: the bytes each answer was stored as go to the socket as
 * they are. Each call still runs its procedure's middlewares (roles and any other gate) and
 * input parser first, so the fast path admits exactly whom tRPC would. On a hit tRPC's
 * per-request work (Fetch API request and response objects, superjson over the whole value)
 * cost more than the lookup itself. Returns false, having written nothing, otherwise.
 */
export async function answerFromCache(
  request: QueryRequest,
  ctx: Context,
  res: ServerResponse,
): Promise<boolean> {
  const payloads = await answerer.answer(request, ctx);
  if (!payloads) return false;
  const body = storedResponseBody(request, payloads);
  res
    .writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.length,
      vary: 'trpc-accept, accept',
    })
    .end(body);
  return true;
}
