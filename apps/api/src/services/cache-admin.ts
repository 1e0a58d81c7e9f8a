import { type Cache, CacheError, type CacheStats } from '@garage/cache';
import type { PrismaClient } from '@garage/db';
import { AppError } from '../app-error';
import type { SessionUser } from '../auth/sessions';

/** What the admin panel clears: one tag (e.g. an owner), one route, or the whole namespace. */
export type ClearTarget = { tag: string } | { route: string } | { all: true };

/** How the panel names the cache's mode. */
const modeNames = { redis: 'connected', degraded: 'degraded', memory: 'memory' } as const;

/**
 * Appended to an audit line's target when the clear could not reach Redis: it was applied to
 * this instance's memory and queued, and reaches Redis (and the other instances) on replay.
 */
const queuedNote = ' (queued: Redis unreachable)';

/** The cache's stats in the panel's shape: routes as rows with an average loader time. */
export function panelStats(stats: CacheStats) {
  return {
    mode: modeNames[stats.mode],
    namespace: stats.namespace,
    routes: Object.entries(stats.routes)
      .map(([route, counters]) => ({
        route,
        l1Hits: counters.l1Hits,
        l2Hits: counters.l2Hits,
        misses: counters.misses,
        staleServed: counters.staleServed,
        errors: counters.errors,
        invalidations: counters.invalidations,
        avgLoaderMs:
          counters.loaderCalls > 0 ? Math.round(counters.loaderMsTotal / counters.loaderCalls) : 0,
      }))
      .sort((a, b) => a.route.localeCompare(b.route)),
    l1: stats.l1,
    redis: stats.redis ?? null,
    pendingInvalidations: stats.pendingInvalidations,
  };
}

const isRedisUnavailable = (error: unknown) =>
  error instanceof CacheError && error.code === 'REDIS_UNAVAILABLE';

/** How many entries a clear of `target` would remove; null when Redis cannot be reached to count. */
export async function countEntries(cache: Cache, target: ClearTarget): Promise<number | null> {
  try {
    return await cache.countEntries(target);
  } catch (error) {
    if (isRedisUnavailable(error)) return null;
    throw error;
  }
}

/** A page of the entry browser; a 503 that says so while Redis cannot be reached. */
export async function listEntries(cache: Cache, query: Parameters<Cache['entries']>[0]) {
  try {
    return await cache.entries(query);
  } catch (error) {
    if (!isRedisUnavailable(error)) throw error;
    throw new AppError(
      'UNAVAILABLE',
      'Redis is unreachable, so its entries cannot be listed; try again in a moment',
      { cause: error },
    );
  }
}

function describe(target: ClearTarget): string {
  if ('all' in target) return 'everything';
  return 'tag' in target ? `tag ${target.tag}` : `route ${target.route}`;
}

function invalidate(cache: Cache, target: ClearTarget) {
  if ('all' in target) return cache.clear();
  if ('tag' in target) return cache.invalidateTags([target.tag]);
  return cache.invalidateRoute(target.route);
}

/**
 * Clears `target`, then writes the audit line (who, what, how many entries). While Redis is
 * unreachable the clear still drops this instance's L1 at once and is queued for replay, like a
 * mutation's invalidation: `queued` says so, and `removed` is null when Redis could not count.
 */
export async function clearCache(
  cache: Cache,
  prisma: PrismaClient,
  actor: SessionUser,
  target: ClearTarget,
): Promise<{ removed: number | null; queued: boolean }> {
  const removed = await countEntries(cache, target);
  const queued = (await invalidate(cache, target)) === 'queued';
  await prisma.cacheInvalidation.create({
    data: {
      actorId: actor.id,
      actor: actor.email,
      target: `${describe(target)}${queued ? queuedNote : ''}`,
      removed: removed ?? 0,
    },
  });
  return { removed, queued };
}

/** The most recent clears, newest first; a queued clear's count is not known (null). */
export async function auditLog(prisma: PrismaClient, limit: number) {
  const rows = await prisma.cacheInvalidation.findMany({
    orderBy: { id: 'desc' },
    take: limit,
  });
  return rows.map((row) => {
    const queued = row.target.endsWith(queuedNote);
    return {
      id: row.id,
      at: row.createdAt,
      actor: row.actor,
      target: queued ? row.target.slice(0, -queuedNote.length) : row.target,
      removed: queued ? null : row.removed,
      queued,
    };
  });
}
