import type { Refusal } from './refusal';

/**
 * The host this request was addressed to, as Next.js's own Server Actions check reads it: the
 * first X-Forwarded-Host (a reverse proxy in front of us), else Host. A page on another site
 * cannot set either on a request it makes the browser send.
 */
function ownHost(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || headers.get('host') || undefined;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const refused = (reason: string): Refusal => ({
  code: 'FORBIDDEN',
  message: `Cross-site request refused: ${reason}. Mutations must come from this app's own pages.`,
});

/**
 * A refusal when a request may have been sent by another site's page; undefined when it may go
 * on. Browsers mark every request with Sec-Fetch-Site and every POST with Origin; a request with
 * neither comes from a script or a tool, which holds no one else's cookie. `same-site` is
 * refused too: a sibling subdomain is another app.
 */
export function crossSiteRefusal(headers: Headers): Refusal | undefined {
  const origin = headers.get('origin');
  if (origin !== null) {
    const host = ownHost(headers);
    if (!host || hostOf(origin) !== host) {
      return refused(`Origin ${origin} is not this app's origin`);
    }
  }
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return refused(`Sec-Fetch-Site is ${fetchSite}`);
  }
  return undefined;
}

/**
 * A refusal when a mutation (a POST through the proxy) may have been sent by another site's page
 * (see crossSiteRefusal), or carries a body that is not JSON; undefined when it may go on. Only
 * JSON is accepted: what an HTML form can send (form-urlencoded, multipart, text/plain) goes
 * cross-site without a CORS preflight; JSON does not.
 */
export function mutationRefusal(headers: Headers): Refusal | undefined {
  const crossSite = crossSiteRefusal(headers);
  if (crossSite) return crossSite;
  const contentType = headers.get('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `Mutations must be sent as Content-Type: application/json, not ${contentType ?? 'no Content-Type'}`,
    };
  }
  return undefined;
}
