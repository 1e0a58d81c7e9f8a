import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoredAnswer } from '@garage/cache';
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
  const headers: Record<string, string | number> = {
    etag,
    vary: 'trpc-accept, accept, cookie',
    [cacheTagsHeader]: tagsHeaderOf(answers),
  };
  if (holdsCurrent(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return hits;
  }
  const parts = storedResponseParts(request, answers);
  let length = 0;
  for (const part of parts) length += part.length;
  headers['content-type'] = 'application/json';
  headers['content-length'] = length;
  res.writeHead(200, headers);
  // Corked, the head and every piece leave in one write (a writev), none of them copied.
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
  res.uncork();
  return hits;
}

// A lone answer's header value, made once per stored answer (an L1 hit hands out the same one):
// a list page's tags are a few kilobytes of text.
const loneTagsHeaders = new WeakMap<StoredAnswer, string>();

/** `x-cache-tags` of these answers: every answer here is a cached query's, so it has tags. */
function tagsHeaderOf(answers: readonly StoredAnswer[]): string {
  const [only] = answers;
  if (only && answers.length === 1) {
    let value = loneTagsHeaders.get(only);
    if (value === undefined) {
      value = `[${only.tagsJson}]`;
      loneTagsHeaders.set(only, value);
    }
    return value;
  }
  return cacheTagsValue(answers.length, (index) => answers[index]?.tagsJson) ?? '[]';
}
