import { apiUrl } from '~/env';
import { forwardedForUpstream } from '~/lib/client-hop';
import { parseId } from '~/lib/ids';

// What the browser needs of the API's answer to show or save the PDF, and to cache it as the
// API says (private, per signed-in user). Nothing else passes: hop-by-hop and encoding headers
// belong to the API's connection, and fetch has already decoded the body.
const passedOn = [
  'content-type',
  'content-disposition',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
  'www-authenticate',
];

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * A document PDF (an invoice, a credit note) from the API's route of the same name,
 * `<prefix><id>.pdf`. The session cookie lives on this origin, so the browser asks here and this
 * passes the request on with the cookie and the client address we vouch for (see client-hop),
 * then streams the PDF back with the API's status: 401 signed out, 404 for one the user may not
 * see. Only well-formed names reach the API: anything else is `missing`, a 404.
 */
export async function proxyPdf(
  request: Request,
  file: string,
  document: { prefix: '/invoices/' | '/credit-notes/'; missing: string },
): Promise<Response> {
  const id = parseId(/^(.+)\.pdf$/.exec(file)?.[1]);
  if (id === null) return plain(404, document.missing);

  const headers = new Headers();
  const cookie = request.headers.get('cookie');
  if (cookie) headers.set('cookie', cookie);
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch) headers.set('if-none-match', ifNoneMatch);
  const forwardedFor = forwardedForUpstream();
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);

  try {
    const upstream = await fetch(`${apiUrl}${document.prefix}${id}.pdf`, {
      headers,
      redirect: 'manual',
      signal: request.signal,
    });
    const answer = new Headers();
    for (const name of passedOn) {
      const value = upstream.headers.get(name);
      if (value !== null) answer.set(name, value);
    }
    return new Response(upstream.body, { status: upstream.status, headers: answer });
  } catch {
    return plain(502, 'The API is unreachable');
  }
}
