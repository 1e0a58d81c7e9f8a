import type { Cache, CacheStats } from '@garage/cache';
import type { PrismaClient } from '@garage/db';
import type { SessionUser } from '../auth/sessions';

/** What the admin panel clears: one tag (e.g. an owner), one route, or the whole namespace. */
export type ClearTarget = { tag: string } | { route: string } | { all: true };

/** How the panel names the cache's mode. */
const modeNames = { redis: 'connected', degraded: 'degraded', memory: 'memory' } as const;

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

function describe(target: ClearTarget): string {
  if ('all' in target) return 'everything';
  return 'tag' in target ? `tag ${target.tag}` : `route ${target.route}`;
}

/** Clears `target`, then writes the audit line (who, what, how many entries). */
export async function clearCache(
  cache: Cache,
  prisma: PrismaClient,
  actor: SessionUser,
  target: ClearTarget,
) {
  const removed = await cache.countEntries(target);
  if ('all' in target) await cache.clear();
  else if ('tag' in target) await cache.invalidateTags([target.tag]);
  else await cache.invalidateRoute(target.route);
  await prisma.cacheInvalidation.create({
    data: { actorId: actor.id, actor: actor.email, target: describe(target), removed },
  });
  return { removed };
}

/** The most recent clears, newest first. */
export async function auditLog(prisma: PrismaClient, limit: number) {
  const rows = await prisma.cacheInvalidation.findMany({
    orderBy: { id: 'desc' },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    actor: row.actor,
    target: row.target,
    removed: row.removed,
  }));
}
