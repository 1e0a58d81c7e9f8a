import { infiniteDirection, noInput } from '@garage/validators';
import { z } from 'zod';
import {
  auditLog,
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

  invalidate: adminProcedure
    .input(target)
    .mutation(({ ctx, input }) => clearCache(ctx.cache, ctx.prisma, ctx.user, input)),

  audit: adminProcedure
    .input(z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }).prefault({}))
    .query(({ ctx, input }) => auditLog(ctx.prisma, input.limit)),
});
