import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import superjson from 'superjson';
import { z } from 'zod';
import { apiUrl } from '~/env';
import { type Area, canEnter, type Role } from './roles';

const userSchema = z.object({
  id: z.union([z.string(), z.number()]),
  email: z.string(),
  name: z.string().nullish(),
  role: z.enum(['admin', 'staff', 'customer']),
});

/** The signed-in user as auth.me reports it. */
export type SessionUser = z.infer<typeof userSchema> & { role: Role };

/** Reads auth.me from the API with the request's cookie; null when signed out or unreachable. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  const response = await fetch(`${apiUrl}/trpc/auth.me`, {
    headers: { cookie: store.toString() },
    cache: 'no-store',
  }).catch(() => null);
  if (!response?.ok) return null;
  const body: unknown = await response.json().catch(() => null);
  const envelope = z.object({ result: z.object({ data: z.unknown() }) }).safeParse(body);
  if (!envelope.success) return null;
  const data = envelope.data.result.data;
  // superjson wraps the payload as { json, meta }; a bare object is accepted too.
  const plain = z.object({ json: z.unknown() }).safeParse(data).success
    ? superjson.deserialize(data as Parameters<typeof superjson.deserialize>[0])
    : data;
  const user = userSchema.nullable().safeParse(plain);
  return user.success ? user.data : null;
});

/** Outcome of a guard: the user may enter, must sign in, or is refused. */
export type AreaAccess =
  | { kind: 'allowed'; user: SessionUser }
  | { kind: 'refused'; user: SessionUser };

/** Server-side gate for a layout: redirects to sign-in when signed out. */
export async function requireArea(area: Area, returnTo: string): Promise<AreaAccess> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return canEnter(user.role, area) ? { kind: 'allowed', user } : { kind: 'refused', user };
}
