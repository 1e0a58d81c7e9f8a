import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cache } from '@garage/cache';
import type { PrismaClient } from '@garage/db';
import { sessionTag } from '../tags/registry';

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
  /**
   * Whether `token` is one we issued (its MAC verifies), decided without any lookup: anything
   * else is no session, and costs neither the cache nor the database anything.
   */
  issued(token: string): boolean;
  /** The user behind a cookie token, or null when not issued by us, unknown or expired. */
  resolve(token: string): Promise<SessionUser | null>;
  /** Ends the session of this token, on every API instance, before it returns. */
  destroy(token: string): Promise<void>;
  /** The cache tag `destroy` invalidates for this token (undefined when we did not issue it). */
  tagOf(token: string): string | undefined;
}

const sessionLifetimeSeconds = 7 * 24 * 3600;
// Sessions live in PostgreSQL (they survive a Redis loss); the cache spares each request a
// database round trip, and logout invalidates the entry on every instance through the bus.
const lookupTtlMs = 60_000;

// A token is `<random>.<mac>`: 32 random bytes and the HMAC-SHA256 of them under the session
// secret, both base64url (43 characters each).
const tokenPart = /^[\w-]{43}$/;
// Tokens whose MAC verified, with their stored hash: a signed-in caller's every request would
// otherwise pay two HMACs before its first lookup. Only verified tokens get in (a flood of
// forged ones costs an HMAC each and takes no room), and a verdict never changes. Past
// `verifiedTokensKept` the memo starts over.
const verifiedTokensKept = 10_000;

/** Sessions in the database, looked up through the cache; tokens are stored only as HMACs. */
export function createSessionStore(deps: {
  prisma: PrismaClient;
  cache: Cache;
  secret: string;
}): SessionStore {
  const { prisma, cache } = deps;
  const key = createSecretKey(Buffer.from(deps.secret));
  const hmac = (purpose: string, value: string) =>
    createHmac('sha256', key).update(`${purpose}:${value}`).digest();
  const tokenHash = (token: string) => hmac('stored', token).toString('base64url');
  const macOf = (random: string) => hmac('issued', random);
  const verified = new Map<string, string>();

  /** The stored hash of a token we issued, or undefined for anything else. */
  function hashOfIssued(token: string): string | undefined {
    const known = verified.get(token);
    if (known) return known;
    const [random, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !random || !mac || !tokenPart.test(random) || !tokenPart.test(mac)) {
      return undefined;
    }
    if (!timingSafeEqual(Buffer.from(mac, 'base64url'), macOf(random))) return undefined;
    const hash = tokenHash(token);
    if (verified.size >= verifiedTokensKept) verified.clear();
    verified.set(token, hash);
    return hash;
  }

  const issued = (token: string) => hashOfIssued(token) !== undefined;

  return {
    issued,

    async create(userId) {
      const random = randomBytes(32).toString('base64url');
      const token = `${random}.${macOf(random).toString('base64url')}`;
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
      const hash = hashOfIssued(token);
      if (!hash) return null;
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
        { ttlMs: lookupTtlMs, tags: [sessionTag(hash)], shared: true },
      );
      if (!found || found.expiresAt.getTime() <= Date.now()) return null;
      return { ...found.user };
    },

    tagOf(token) {
      const hash = hashOfIssued(token);
      return hash && sessionTag(hash);
    },

    async destroy(token) {
      const hash = tokenHash(token);
      await prisma.session.deleteMany({ where: { tokenHash: hash } });
      await cache.invalidateTags([sessionTag(hash)]);
    },
  };
}
