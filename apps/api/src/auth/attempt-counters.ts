import type { PrismaClient } from '@garage/db';

/** The two counters one sign-in attempt moves: its email's and its client address's. */
export interface AttemptKeys {
  email: string;
  ip: string;
}

/** A counter after an attempt: attempts in the current window, and milliseconds it has left. */
export interface AttemptCount {
  count: number;
  msLeft: number;
}

type CountRow = { key: string; count: number; msLeft: number };

/**
 * Sign-in attempt counters in the LoginThrottle table, shared by every API instance through
 * the database. One UPSERT counts both keys; the row locks it takes make concurrent attempts
 * queue, so each sees its own count. Times are the database's clock in UTC (Prisma's
 * convention for these columns), never a host's.
 */
export function attemptCounters(prisma: PrismaClient) {
  let lastSweep = 0;

  /** Drops expired rows, at most once per window per instance, off the sign-in's path. */
  function sweep(windowMs: number) {
    if (Date.now() - lastSweep < windowMs) return;
    lastSweep = Date.now();
    prisma.$executeRaw`
      DELETE FROM "LoginThrottle" WHERE "resetsAt" <= (now() AT TIME ZONE 'UTC')`.catch(
      () => undefined,
    );
  }

  /**
   * Adds one attempt to each counter of `keys` in one atomic step (a window opens with its first
   * attempt); answers each one's count including this one.
   */
  async function countKeys(
    keys: string[],
    windowMs: number,
  ): Promise<(key: string) => AttemptCount> {
    const rows = await prisma.$queryRaw<CountRow[]>`
      INSERT INTO "LoginThrottle" AS t ("key", "count", "resetsAt")
      SELECT key, 1, (now() AT TIME ZONE 'UTC') + ${windowMs} * interval '1 millisecond'
      FROM unnest(${keys}::text[]) AS key
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN t."resetsAt" <= (now() AT TIME ZONE 'UTC') THEN 1
                       ELSE t."count" + 1 END,
        "resetsAt" = CASE WHEN t."resetsAt" <= (now() AT TIME ZONE 'UTC') THEN EXCLUDED."resetsAt"
                          ELSE t."resetsAt" END
      RETURNING "key", "count",
        (EXTRACT(EPOCH FROM ("resetsAt" - (now() AT TIME ZONE 'UTC'))) * 1000)::float8 AS "msLeft"`;
    sweep(windowMs);
    return (key) => {
      const row = rows.find((candidate) => candidate.key === key);
      if (!row) throw new Error(`the throttle did not count ${key}`);
      return { count: row.count, msLeft: row.msLeft };
    };
  }

  return {
    /**
     * Adds one attempt to both counters in one atomic step (a window opens with its first
     * attempt) and returns their counts including this one.
     */
    async count(
      keys: AttemptKeys,
      windowMs: number,
    ): Promise<{ email: AttemptCount; ip: AttemptCount }> {
      const emailKey = `email:${keys.email}`;
      const ipKey = `ip:${keys.ip}`;
      const counted = await countKeys([emailKey, ipKey], windowMs);
      return { email: counted(emailKey), ip: counted(ipKey) };
    },
    /** Adds one attempt to the counter `key` (any other use than sign-in: `link:<address>`). */
    async countOne(key: string, windowMs: number): Promise<AttemptCount> {
      return (await countKeys([key], windowMs))(key);
    },
    /** After a correct password: forgets the email's count and takes one back from the address. */
    async settle(keys: AttemptKeys): Promise<void> {
      await Promise.all([
        prisma.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${`email:${keys.email}`}`,
        prisma.$executeRaw`
          UPDATE "LoginThrottle" SET "count" = "count" - 1
          WHERE "key" = ${`ip:${keys.ip}`} AND "count" > 0`,
      ]);
    },
  };
}
