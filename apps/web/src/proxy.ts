import { type NextRequest, NextResponse } from 'next/server';
import { requestedPathHeader } from '~/lib/requested-path';

/**
 * Layouts cannot see the URL they render for; this passes the requested path and query on, so
 * a signed-out visit to /staff/vehicles?search=ab returns there after sign-in. The role check
 * itself stays in the layouts, on the server, against the API.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(requestedPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/staff/:path*', '/admin/:path*', '/portal/:path*'] };
