import { apiUrl } from '~/env';

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

/**
 * Same-origin proxy from /api/trpc/* to `${API_URL}/trpc/*`, so the API's httpOnly
 * session cookie is first-party. A route handler rather than a next.config rewrite:
 * rewrites are frozen at build time, and API_URL must be read when the server starts.
 */
async function proxy(
  request: Request,
  context: { params: Promise<{ path: string[] }> },
): Promise<Response> {
  const { path } = await context.params;
  const search = new URL(request.url).search;
  const target = `${apiUrl}/trpc/${path.map(encodeURIComponent).join('/')}${search}`;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: forwardHeaders(request.headers),
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
    });
    const headers = forwardHeaders(upstream.headers);
    // fetch already decoded the body, so the encoding header no longer applies.
    headers.delete('content-encoding');
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch {
    const body = {
      error: {
        json: {
          message: 'The API is unreachable',
          code: -32603,
          data: { code: 'API_UNREACHABLE', httpStatus: 502 },
        },
      },
    };
    return Response.json(body, { status: 502 });
  }
}

export { proxy as GET, proxy as POST };
