import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { apiUrl } from '~/env';
import { requestedPathHeader } from './requested-path';
import { type Area, canEnter } from './roles';
import { parseMeResponse, type SessionUser } from './session-user';

/** Reads auth.me from the API with the request's cookie; null when signed out or unreachable. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  const response = await fetch(`${apiUrl}/trpc/auth.me`, {
    headers: { cookie: store.toString() },
    cache: 'no-store',
  }).catch(() => null);
  if (!response?.ok) return null;
  return parseMeResponse(await response.json().catch(() => null));
});

/** Outcome of a guard: the user may enter, must sign in, or is refused. */
export type AreaAccess =
  | { kind: 'allowed'; user: SessionUser }
  | { kind: 'refused'; user: SessionUser };

/**
 * Server-side gate for a layout: redirects to sign-in when signed out, with the page that was
 * asked for (from the proxy's header, when it lies inside `areaRoot`) as where to return.
 */
export async function requireArea(area: Area, areaRoot: string): Promise<AreaAccess> {
  const user = await getSessionUser();
  if (!user) {
    const requested = (await headers()).get(requestedPathHeader);
    const returnTo = requested?.startsWith(`${areaRoot}/`) ? requested : areaRoot;
    redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  }
  return canEnter(user.role, area) ? { kind: 'allowed', user } : { kind: 'refused', user };
}
