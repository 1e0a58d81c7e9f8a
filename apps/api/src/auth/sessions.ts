import { createHmac, randomBytes } from 'node:crypto';
import type { Cache } from '@garage/cache';
import type { PrismaClient } from '@garage/db';

/** The signed-in user as procedures see it. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'staff' | 'customer';
  /** The customer record a customer account sees the vehicles of. */
  customerId: number | null;
}

export interface SessionStore {
  /** Starts a session for `userId`; returns the cookie token (only ever held by the browser). */
  create(userId: number): Promise<{ token: string; maxAgeSeconds: number }>;
  /** The user behind a cookie token, or null when unknown or expired. */
  resolve(token: string): Promise<SessionUser | null>;
  /** Ends the session of this token, on every API instance, before it returns. */
  destroy(token: string): Promise<void>;
}

const sessionLifetimeSeconds = 7 * 24 * 3600;
// Sessions live in PostgreSQL (they survive a Redis loss); the cache spares each request a
// database round trip, and logout invalidates the entry on every instance through the bus.
const lookupTtlMs = 60_000;

/** Sessions in the database, looked up through the cache; tokens are stored only as HMACs. */
export function createSessionStore(deps: {
  prisma: PrismaClient;
  cache: Cache;
  secret: string;
}): SessionStore {
  const { prisma, cache } = deps;
  const tokenHash = (token: string) =>
    createHmac('sha256', deps.secret).update(token).digest('base64url');
  const sessionTag = (hash: string) => `session:${hash}`;

  return {
    async create(userId) {
      const token = randomBytes(32).toString('base64url');
      await prisma.session.create({
        data: {
          tokenHash: tokenHash(token),
          userId,
          expiresAt: new Date(Date.now() + sessionLifetimeSeconds * 1000),
        },
      });
      return { token, maxAgeSeconds: sessionLifetimeSeconds };
    },

    async resolve(token) {
      if (token.length > 100) return null;
      const hash = tokenHash(token);
      const found = await cache.getOrSet(
        { route: 'auth.session', scope: 'public', input: hash },
        () =>
          prisma.session.findUnique({
            where: { tokenHash: hash },
            select: {
              expiresAt: true,
              user: {
                select: { id: true, email: true, name: true, role: true, customerId: true },
              },
            },
          }),
        { ttlMs: lookupTtlMs, tags: [sessionTag(hash)] },
      );
      if (!found || found.expiresAt.getTime() <= Date.now()) return null;
      return { ...found.user };
    },

    async destroy(token) {
      const hash = tokenHash(token);
      await prisma.session.deleteMany({ where: { tokenHash: hash } });
      await cache.invalidateTags([sessionTag(hash)]);
    },
  };
}
