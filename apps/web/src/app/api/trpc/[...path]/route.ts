import { apiUrl, maxBatch, maxBodyBytes } from '~/env';
import { batchRefusal, readBodyWithin } from '~/lib/api-proxy/limits';
import { mutationRefusal } from '~/lib/api-proxy/mutation-guard';
import { refusalResponse } from '~/lib/api-proxy/refusal';
import { forwardedForUpstream } from '~/lib/client-hop';

// Hop-by-hop headers belong to one connection and must not be forwarded.
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

function forwardHeaders(source: Headers): Headers {
  const headers = new Headers();
  source.forEach((value, name) => {
    if (!hopByHop.has(name.toLowerCase())) headers.set(name, value);
  });
  return headers;
}

/** The request's headers for the API, with the X-Forwarded-For we vouch for (see client-hop). */
function upstreamHeaders(request: Request): Headers {
  const headers = forwardHeaders(request.headers);
  headers.delete('x-forwarded-for');
  const forwardedFor = forwardedForUpstream();
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);
  return headers;
}

/**
 * Same-origin proxy from /api/trpc/* to `${API_URL}/trpc/*`, so the API's httpOnly
 * session cookie is first-party. A route handler rather than a next.config rewrite:
 * rewrites are frozen at build time, and API_URL must be read when the server starts.
 * It refuses, without calling the API, batches and bodies over the limits and mutations that
 * may come from another site. Request headers pass on (If-None-Match included), and answers
 * stream back as they come (text/event-stream included).
 */
async function proxy(
  request: Request,
  context: { params: Promise<{ path: string[] }> },
): Promise<Response> {
  const { path } = await context.params;
  const isMutation = request.method === 'POST';
  const refusal =
    batchRefusal(path, maxBatch) ?? (isMutation ? mutationRefusal(request.headers) : undefined);
  if (refusal) return refusalResponse(refusal);
  const body = isMutation ? await readBodyWithin(request, maxBodyBytes) : undefined;
  if (body && 'refusal' in body) return refusalResponse(body.refusal);

  const search = new URL(request.url).search;
  const target = `${apiUrl}/trpc/${path.map(encodeURIComponent).join('/')}${search}`;
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: upstreamHeaders(request),
      body: body?.bytes,
      redirect: 'manual',
      // A browser that goes away (a closed tab's live stream above all) ends the API's call.
      signal: request.signal,
    });
    const headers = forwardHeaders(upstream.headers);
    // fetch already decoded the body, so the encoding header no longer applies.
    headers.delete('content-encoding');
    // A 304 (the browser's If-None-Match matched the API's ETag) has no body to relay.
    if (upstream.status === 304) return new Response(null, { status: 304, headers });
    // The body is streamed as it arrives, never read whole: server-sent events (live.events)
    // pass through one by one, with no size limit on what the API answers.
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch {
    return refusalResponse({ code: 'BAD_GATEWAY', message: 'The API is unreachable' });
  }
}

export { proxy as GET, proxy as POST };
