import { maxPhotoBytes, photoTooLarge } from '@garage/validators';
import { apiUrl } from '~/env';
import { readBodyWithin } from '~/lib/api-proxy/limits';
import { crossSiteRefusal } from '~/lib/api-proxy/mutation-guard';
import { forwardedForUpstream } from '~/lib/client-hop';
import { parseId } from '~/lib/ids';

// Inspection photos through this origin, where the session cookie lives: shown with
// GET /inspection-photos/<id>, taken with POST /inspection-items/<itemId>/photos. The API checks
// who may see or add them; this passes the cookie, the client address we vouch for (see
// client-hop) and what the browser needs of the answer.

const passedOn = [
  'content-type',
  'content-length',
  'cache-control',
  'etag',
  'x-content-type-options',
  'content-security-policy',
];

const json = (status: number, body: unknown) => Response.json(body, { status });

function upstreamHeaders(request: Request): Headers {
  const headers = new Headers();
  for (const name of ['cookie', 'if-none-match', 'content-type']) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const forwardedFor = forwardedForUpstream();
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);
  return headers;
}

async function relay(upstream: Response): Promise<Response> {
  const answer = new Headers();
  for (const name of passedOn) {
    const value = upstream.headers.get(name);
    if (value !== null) answer.set(name, value);
  }
  const body = upstream.status === 304 ? null : upstream.body;
  return new Response(body, { status: upstream.status, headers: answer });
}

/** GET /inspection-photos/<id>: the photo, or the API's 401 / 404. */
export async function proxyPhoto(request: Request, idText: string): Promise<Response> {
  const id = parseId(idText);
  if (id === null) return json(404, { error: 'not found' });
  try {
    const upstream = await fetch(`${apiUrl}/inspection-photos/${id}`, {
      headers: upstreamHeaders(request),
      redirect: 'manual',
      signal: request.signal,
    });
    return relay(upstream);
  } catch {
    return json(502, { error: 'The API is unreachable' });
  }
}

/**
 * POST /inspection-items/<itemId>/photos: the image's bytes, from this app's own pages only (an
 * image Content-Type cannot be sent cross-site without a CORS preflight, which we never allow).
 */
export async function proxyPhotoUpload(request: Request, itemIdText: string): Promise<Response> {
  const itemId = parseId(itemIdText);
  if (itemId === null) return json(404, { error: 'not found' });
  const refusal = crossSiteRefusal(request.headers);
  if (refusal) return json(403, { error: refusal.message });
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType?.startsWith('image/')) {
    return json(415, { error: 'A photo is sent as its image bytes (Content-Type: image/…)' });
  }
  const body = await readBodyWithin(request, maxPhotoBytes);
  if ('refusal' in body) {
    return json(413, { error: photoTooLarge, fields: { photo: photoTooLarge } });
  }
  try {
    const upstream = await fetch(`${apiUrl}/inspection-items/${itemId}/photos`, {
      method: 'POST',
      headers: upstreamHeaders(request),
      body: body.bytes,
      redirect: 'manual',
      signal: request.signal,
    });
    return relay(upstream);
  } catch {
    return json(502, { error: 'The API is unreachable' });
  }
}
