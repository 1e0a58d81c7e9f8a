import { dueSoonInput } from '@garage/validators';
import { ttl } from '../cache-ttl';
import { dueSoonReminders } from '../services/reminders/due-soon';
import { ownerTagsOf, remindersTag, vehicleHistoryTag, vehicleTag } from '../tags/registry';
import { cachedQuery, router, staffProcedure } from '../trpc';

export const reminderRouter = router({
  /**
   * Next services due within 30 days or within 1,000 of their mileage. A new reminder reaches
   * it through `reminders`; a reading on any vehicle judged (it moves the prediction) through
   * that vehicle's history tag; a customer's contact details through their owner tag.
   */
  dueSoon: cachedQuery(staffProcedure.input(dueSoonInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx, input }) => dueSoonReminders(ctx.prisma, input),
    tags: ({ result }) => [
      remindersTag,
      ...result.vehicleIds.map(vehicleHistoryTag),
      ...result.items.map((row) => vehicleTag(row.vehicle.id)),
      ...ownerTagsOf(result.items.map((row) => row.customer.id)),
    ],
  }),
});
