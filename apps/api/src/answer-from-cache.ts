import type { IncomingMessage, ServerResponse } from 'node:http';
import { type QueryRequest, storedResponseEtag, storedResponseParts } from '@garage/cache';
import type { Context } from './context';
import { cacheTagsHeader, cacheTagsValue } from './http/cache-tags-header';
import { holdsCurrent } from './http/revalidation';
import { appRouter } from './root';
import { cacheAnswerer } from './trpc';

/** The cached queries of the API, known when it starts (never learnt from traffic). */
const answerer = cacheAnswerer(appRouter);

/**
 * Answers a GET of cached queries before tRPC's HTTP handling runs, when every call is a fresh
 * hit (L1, or Redis) for this caller: the bytes each answer was stored as go to the socket as
 * they are, or a 304 when the caller already holds them (`If-None-Match`: the ETags were made
 * when the answers were stored). Each call still runs its procedure's middlewares (roles and
 * any other gate) and input parser first, so the fast path admits exactly whom tRPC would. On
 * a hit tRPC's per-request work (Fetch API request and response objects, superjson over the
 * whole value) cost more than the lookup itself. Returns false, having written nothing,
 * otherwise.
 */
export async function answerFromCache(
  request: QueryRequest,
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const answers = await answerer.answer(request, ctx);
  if (!answers) return false;
  const etag = storedResponseEtag(request, answers);
  const headers: Record<string, string> = { etag, vary: 'trpc-accept, accept, cookie' };
  const tags = cacheTagsValue(answers.length, (index) => answers[index]?.tagsJson);
  if (tags) headers[cacheTagsHeader] = tags;
  if (holdsCurrent(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return true;
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
  return true;
}
