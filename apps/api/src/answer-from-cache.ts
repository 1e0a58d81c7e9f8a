import type { ServerResponse } from 'node:http';
import { type QueryRequest, storedResponseBody } from '@garage/cache';
import type { Context } from './context';
import { peekCachedQueries } from './trpc';

/**
 * Answers a GET of cached queries from L1 when every call is a fresh hit for this caller,
 * before tRPC runs: the serialized form the entry was stored with is sent as it is. On an L1
 * hit tRPC's per-request pipeline (one context copy per middleware, Fetch API request and
 * response objects, re-encoding the value) cost more than the lookup itself; the checks that
 * decide who may see an entry are the same, since the caller's session picks the entry's scope
 * (see `peek` of the cache middleware). Returns false, having written nothing, otherwise.
 */
export function answerFromCache(request: QueryRequest, ctx: Context, res: ServerResponse): boolean {
  const payloads = peekCachedQueries(request.calls, ctx);
  if (!payloads) return false;
  res
    .writeHead(200, { 'content-type': 'application/json', vary: 'trpc-accept, accept' })
    .end(storedResponseBody(request, payloads));
  return true;
}
