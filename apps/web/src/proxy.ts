import { type NextRequest, NextResponse } from 'next/server';
import { isDevelopment } from '~/env';
import { contentSecurityPolicy, newNonce } from '~/lib/content-security-policy';
import { requestedPathHeader } from '~/lib/requested-path';

/**
 * Runs before every page. It gives the page a Content-Security-Policy with a fresh nonce (on
 * the request, where Next.js reads the nonce while rendering, and on the response). And, since
 * layouts cannot see the URL they render for, it passes the requested path and query on, so a
 * signed-out visit to /staff/vehicles?search=ab returns there after sign-in; the role check
 * itself stays in the layouts, on the server, against the API.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), isDevelopment);
  const headers = new Headers(request.headers);
  headers.set(requestedPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

// Pages only: not the /api/trpc proxy (JSON), the invoice and credit note PDFs, the inspection
// photos, nor static files, which carry no inline script.
export const config = {
  matcher: [
    '/((?!api/|invoices/|credit-notes/|inspection-photos/|inspection-items/|_next/static/|_next/image|icon\\.svg|favicon\\.ico).*)',
  ],
};
