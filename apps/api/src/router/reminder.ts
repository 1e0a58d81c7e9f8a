import { dueSoonInput, reminderSavedJobInput } from '@garage/validators';
import { ttl } from '../cache-ttl';
import { dueSoonReminders } from '../services/reminders/due-soon';
import { insertSavedJobForReminder } from '../services/reminders/insert-saved-job';
import {
  customerWorkOrdersTag,
  ownerTagsOf,
  remindersTag,
  savedJobsTag,
  settingsTag,
  vehicleHistoryTag,
  vehicleTag,
  workOrderTag,
} from '../tags/registry';
import { cachedQuery, invalidatingMutation, router, staffProcedure } from '../trpc';
import { readingTags } from './work-order';

export const reminderRouter = router({
  /**
   * Next services due within 30 days or within 1,000 of their mileage. A new reminder reaches
   * it through `reminders`; a reading on any vehicle judged (it moves the prediction) through
   * that vehicle's history tag; a customer's contact details through their owner tag; the
   * saved job each row offers, and its price, through the saved jobs and the shop's settings.
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
      savedJobsTag,
      settingsTag,
    ],
  }),

  /**
   * The saved job a due-soon row offers, inserted in one click: into the vehicle's open work
   * order, or a new one for the service (which the lists, the board and the portal then show).
   */
  insertSavedJob: invalidatingMutation(staffProcedure.input(reminderSavedJobInput), {
    mutation: ({ ctx, input }) => insertSavedJobForReminder(ctx.prisma, input, ctx.user),
    tags: ({ result }) => [
      workOrderTag(result.id),
      ...(result.opened
        ? [
            vehicleHistoryTag(result.vehicle.id),
            customerWorkOrdersTag(result.customer.id),
            ...readingTags(result.recordedReading),
          ]
        : []),
    ],
    // A new work order joins the lists and the board (an existing one is on them by its tag).
    routes: ['workOrder.list', 'workOrder.board'],
  }),
});
