import type { PrismaClient } from '@garage/db';
import { attemptCounters } from './attempt-counters';

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
 * Counts in PostgreSQL, the one store every instance shares and every sign-in needs anyway
 * (its user lookup and its session): Redis being slow or away changes nothing. A Redis-first
 * count with a database fallback splits a window's attempts over two stores whenever a Redis
 * call times out, which a burst of sign-ins on a busy instance causes by itself, and each
 * store then allows the limit again.
 */
export function createLoginThrottle(prisma: PrismaClient): LoginThrottle {
  const counters = attemptCounters(prisma);
  const windowMs = throttleLimits.windowSeconds * 1000;
  return {
    async attempt(email, ip) {
      const keys = { email: email.toLowerCase(), ip };
      const counts = await counters.count(keys, windowMs);
      const waitMs = Math.max(
        counts.email.count > throttleLimits.perEmail ? counts.email.msLeft : 0,
        counts.ip.count > throttleLimits.perIp ? counts.ip.msLeft : 0,
      );
      return {
        retryAfterSeconds: waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0,
        succeeded: () => counters.settle(keys),
      };
    },
  };
}
