import type { IncomingMessage, ServerResponse } from 'node:http';
import { type QueryRequest, storedResponseEtag, storedResponseParts } from '@garage/cache/trpc';
import type { Context } from './context';
import { cacheTagsHeader, cacheTagsValue } from './http/cache-tags-header';
import { holdsCurrent } from './http/revalidation';
import { appRouter } from './root';
import { cacheAnswerer } from './trpc';

/** The cached queries of the API and their gates, compiled when it starts. */
const fastPath = cacheAnswerer(appRouter);

/**
 * Answers a GET whose every call is a cached query, before tRPC's HTTP handling runs (the one
 * road of a cached read, see @garage/cache/trpc): each call passes its route's gates and input
 * schema, then is answered as stored, from L1, Redis, or a load stored on the way. The bytes go
 * to the socket as they are, or a 304 when the caller already holds them (`If-None-Match`: the
 * ETags were made when the answers were stored). Returns false, having written nothing, when
 * tRPC must answer (another kind of call, a refusal, bad input, a failed load); else, for
 * each call, whether it was a hit (answered without running its loader).
 */
export async function answerFromCache(
  request: QueryRequest,
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean[] | undefined> {
  const calls = await fastPath.answer(request, ctx);
  if (!calls) return undefined;
  const answers = calls.map((call) => call.answer);
  const hits = calls.map((call) => !call.loaded);
  const etag = storedResponseEtag(request, answers);
  const headers: Record<string, string> = { etag, vary: 'trpc-accept, accept, cookie' };
  const tags = cacheTagsValue(answers.length, (index) => answers[index]?.tagsJson);
  if (tags) headers[cacheTagsHeader] = tags;
  if (holdsCurrent(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return hits;
  }
  const parts = storedResponseParts(request, answers);
  let length = 0;
  for (const part of parts) length += part.length;
  res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': length });
  // Corked, the head and every piece leave in one write (a writev), none of them copied.
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
  res.uncork();
  return hits;
}
