import type { InvalidationEvent } from '@garage/cache';
import { infiniteDirection, noInput } from '@garage/validators';
import { z } from 'zod';
import {
  auditLog,
  type ClearTarget,
  clearCache,
  countEntries,
  listEntries,
  panelStats,
} from '../services/cache-admin';
import { adminProcedure, router } from '../trpc';

const route = z.string().trim().min(1, 'is required').max(200);
const tag = z.string().trim().min(1, 'is required').max(200);
const target = z.union([
  z.object({ tag }).strict(),
  z.object({ route }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** The invalidation a clear of `target` makes, as the cache tells its listeners of it. */
function eventOf(target: ClearTarget): InvalidationEvent {
  if ('all' in target) return { kind: 'cleared' };
  return 'tag' in target
    ? { kind: 'invalidated', tags: [target.tag], routes: [], soft: false }
    : { kind: 'invalidated', tags: [], routes: [target.route], soft: false };
}

/** The admin cache panel: never cached itself, never touches keys outside our namespace. */
export const cacheRouter = router({
  stats: adminProcedure
    .input(noInput)
    .query(async ({ ctx }) => panelStats(await ctx.cache.stats())),

  entries: adminProcedure
    .input(
      z
        .strictObject({
          route: route.optional(),
          tag: tag.optional(),
          cursor: z.string().max(200).nullish(),
          direction: infiniteDirection,
          limit: z.number().int().min(1).max(200).default(50),
        })
        .prefault({}),
    )
    .query(async ({ ctx, input }) => {
      const { entries, nextCursor } = await listEntries(ctx.cache, {
        ...(input.route ? { route: input.route } : {}),
        ...(input.tag ? { tag: input.tag } : {}),
        ...(input.cursor ? { cursor: input.cursor } : {}),
        limit: input.limit,
      });
      return {
        items: entries.map((entry) => ({
          key: entry.key,
          route: entry.route,
          tags: entry.tags,
          ttlMs: entry.ttlLeftMs,
          bytes: entry.sizeBytes,
        })),
        nextCursor: nextCursor ?? null,
      };
    }),

  /** How many entries a clear of `target` would remove (for the confirmation dialog); null while Redis is unreachable. */
  count: adminProcedure
    .input(target)
    .query(async ({ ctx, input }) => ({ entries: await countEntries(ctx.cache, input) })),

  /** Clears `target`; the answer says what was invalidated, as invalidating mutations do. */
  invalidate: adminProcedure.input(target).mutation(async ({ ctx, input, batchIndex = 0 }) => {
    const cleared = await clearCache(ctx.cache, ctx.prisma, ctx.user, input);
    ctx.invalidations[batchIndex] = await ctx.audiences.filterFor(ctx.user, eventOf(input));
    return cleared;
  }),

  audit: adminProcedure
    .input(z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }).prefault({}))
    .query(({ ctx, input }) => auditLog(ctx.prisma, input.limit)),
});
