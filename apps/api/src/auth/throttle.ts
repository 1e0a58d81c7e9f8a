import type { PrismaClient } from '@garage/db';
import type { Redis } from 'ioredis';
import type { AttemptKeys } from './attempt-store';
import { postgresAttemptStore } from './attempts-postgres';
import { redisAttemptStore } from './attempts-redis';

export const throttleLimits = { perEmail: 5, perIp: 30, windowSeconds: 15 * 60 };

/** One sign-in attempt, counted before its password is checked. */
export interface SignInAttempt {
  /** Seconds until the email or the address may try again; 0 when the password may be checked. */
  retryAfterSeconds: number;
  /** After a correct password: clears the email's count and gives this attempt back to the address. */
  succeeded(): Promise<void>;
}

/** Limits sign-in attempts per email and per client address, across every API instance. */
export interface LoginThrottle {
  /**
   * Counts an attempt, atomically and before any password is checked, so parallel or batched
   * guesses get no more checks than sequential ones: only attempts within the limits may go on.
   */
  attempt(email: string, ip: string): Promise<SignInAttempt>;
}

/**
 * Counts in Redis when there is one, and in PostgreSQL when it is not configured or does not
 * answer: either store is shared by every instance, so a Redis outage neither lifts the limit
 * nor refuses every sign-in. (While Redis comes and goes, one window's attempts may be split
 * over the two stores: at worst twice the limit, never unbounded.)
 */
export function createLoginThrottle(options: {
  redis?: Redis;
  prisma: PrismaClient;
  namespace: string;
}): LoginThrottle {
  const database = postgresAttemptStore(options.prisma);
  const redis = options.redis ? redisAttemptStore(options.redis, options.namespace) : undefined;
  const windowMs = throttleLimits.windowSeconds * 1000;

  async function count(keys: AttemptKeys) {
    if (redis) {
      try {
        return { store: redis, counts: await redis.count(keys, windowMs) };
      } catch {
        // Redis is down or slow (its client fails fast): the database counts instead.
      }
    }
    return { store: database, counts: await database.count(keys, windowMs) };
  }

  return {
    async attempt(email, ip) {
      const keys = { email: email.toLowerCase(), ip };
      const { store, counts } = await count(keys);
      const waitMs = Math.max(
        counts.email.count > throttleLimits.perEmail ? counts.email.msLeft : 0,
        counts.ip.count > throttleLimits.perIp ? counts.ip.msLeft : 0,
      );
      return {
        retryAfterSeconds: waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0,
        // A count left behind only keeps the window stricter: never fail a correct sign-in for it.
        succeeded: () => store.settle(keys).catch(() => undefined),
      };
    },
  };
}
