import type { PrismaClient } from '@garage/db';
import { AppError } from '../app-error';
import { attemptCounters } from './attempt-counters';

/** Estimate-link calls a client address may make per window, opened or decided. */
export interface LinkThrottleLimits {
  perIp: number;
  windowSeconds: number;
}

export const defaultLinkThrottleLimits: LinkThrottleLimits = { perIp: 60, windowSeconds: 15 * 60 };

/** Limits what one client address does with estimate links, across every API instance. */
export interface LinkThrottle {
  /** Counts a call from `ip`; LIMIT_EXCEEDED (nothing else done) beyond the limit. */
  admit(ip: string): Promise<void>;
}

/**
 * Counted like sign-in attempts (the same table, a key of its own), before the token is looked
 * up: a token is 32 random bytes, so guessing is hopeless anyway; this bounds what one address
 * costs the database, and how fast it can try.
 */
export function createLinkThrottle(
  prisma: PrismaClient,
  limits: LinkThrottleLimits = defaultLinkThrottleLimits,
): LinkThrottle {
  const counters = attemptCounters(prisma);
  return {
    async admit(ip) {
      const counted = await counters.countOne(`link:${ip}`, limits.windowSeconds * 1000);
      if (counted.count > limits.perIp) {
        const seconds = Math.max(1, Math.ceil(counted.msLeft / 1000));
        throw new AppError(
          'LIMIT_EXCEEDED',
          `too many requests for estimate links from this address: try again in ${seconds} s`,
        );
      }
    },
  };
}
