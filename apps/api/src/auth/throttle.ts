import type { Redis } from 'ioredis';

/** Limits failed sign-ins per email and per client address. */
export interface LoginThrottle {
  /** Seconds to wait when `email` or `ip` has failed too often recently; 0 when allowed. */
  retryAfter(email: string, ip: string): Promise<number>;
  recordFailure(email: string, ip: string): Promise<void>;
  /** A successful sign-in clears that email's count (not the address's). */
  recordSuccess(email: string): Promise<void>;
}

export const throttleLimits = { perEmail: 5, perIp: 30, windowSeconds: 15 * 60 };

type Counter = { count: number; resetsAt: number };

/** Counts in this process: used without Redis, and whenever Redis does not answer. */
function memoryCounters() {
  const counters = new Map<string, Counter>();
  return {
    get(key: string): Counter | undefined {
      const counter = counters.get(key);
      if (counter && counter.resetsAt <= Date.now()) {
        counters.delete(key);
        return undefined;
      }
      return counter;
    },
    increment(key: string) {
      const counter = this.get(key) ?? {
        count: 0,
        resetsAt: Date.now() + throttleLimits.windowSeconds * 1000,
      };
      counter.count++;
      counters.set(key, counter);
      if (counters.size > 100_000) counters.delete(counters.keys().next().value ?? key);
    },
    delete(key: string) {
      counters.delete(key);
    },
  };
}

/**
 * A throttle shared by every API instance through Redis when there is one; when Redis fails it
 * falls back to per-process counts rather than refusing (or waving through) every sign-in.
 */
export function createLoginThrottle(options: { redis?: Redis; namespace: string }): LoginThrottle {
  const memory = memoryCounters();
  const { redis } = options;
  const emailKey = (email: string) => `{${options.namespace}:login}:email:${email.toLowerCase()}`;
  const ipKey = (ip: string) => `{${options.namespace}:login}:ip:${ip}`;

  async function counts(
    email: string,
    ip: string,
  ): Promise<[Counter | undefined, Counter | undefined]> {
    if (redis) {
      try {
        const pipeline = redis.multi();
        for (const key of [emailKey(email), ipKey(ip)]) pipeline.get(key).pttl(key);
        const replies = (await pipeline.exec()) ?? [];
        const counter = (offset: number): Counter | undefined => {
          const count = Number(replies[offset]?.[1] ?? 0);
          const ttl = Number(replies[offset + 1]?.[1] ?? 0);
          return count > 0 ? { count, resetsAt: Date.now() + Math.max(ttl, 0) } : undefined;
        };
        return [counter(0), counter(2)];
      } catch {
        // fall through to this process's counts
      }
    }
    return [memory.get(emailKey(email)), memory.get(ipKey(ip))];
  }

  async function increment(key: string) {
    memory.increment(key);
    if (!redis) return;
    try {
      await redis.multi().incr(key).expire(key, throttleLimits.windowSeconds, 'NX').exec();
    } catch {
      // counted in memory above
    }
  }

  return {
    async retryAfter(email, ip) {
      const [byEmail, byIp] = await counts(email, ip);
      const waits = [
        byEmail && byEmail.count >= throttleLimits.perEmail ? byEmail.resetsAt : 0,
        byIp && byIp.count >= throttleLimits.perIp ? byIp.resetsAt : 0,
      ];
      const until = Math.max(...waits);
      return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0;
    },
    async recordFailure(email, ip) {
      await Promise.all([increment(emailKey(email)), increment(ipKey(ip))]);
    },
    async recordSuccess(email) {
      memory.delete(emailKey(email));
      await redis?.del(emailKey(email)).catch(() => undefined);
    },
  };
}
