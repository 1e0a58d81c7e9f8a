import type { RouterOutputs } from '@garage/api';
import superjson from 'superjson';
import { z } from 'zod';

/** The signed-in user as auth.me reports it. */
export type SessionUser = NonNullable<RouterOutputs['auth']['me']>;

// The raw response is checked at run time; `satisfies` keeps the check in step with the API.
const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'staff', 'customer']),
}) satisfies z.ZodType<SessionUser>;

const envelopeSchema = z.object({ result: z.object({ data: z.unknown() }) });
const superjsonSchema = z.object({ json: z.json(), meta: z.any().optional() });

/** Reads the user out of a raw tRPC HTTP response body of auth.me; null for anything else. */
export function parseMeResponse(body: unknown): SessionUser | null {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const data = envelope.data.result.data;
  // The API uses superjson, which wraps the payload as { json, meta }.
  const wrapped = superjsonSchema.safeParse(data);
  const plain = wrapped.success ? superjson.deserialize(wrapped.data) : data;
  const user = userSchema.nullable().safeParse(plain);
  return user.success ? user.data : null;
}
