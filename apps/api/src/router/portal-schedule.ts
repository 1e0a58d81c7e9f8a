import {
  appointmentVersionInput,
  noInput,
  portalRequestInput,
  portalSlotsInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import {
  cancelOwnAppointment,
  myAppointments,
  portalSlots,
  requestSlot,
} from '../services/schedule/portal';
import { customerAppointmentsTag, scheduleSlotsTag, settingsTag } from '../tags/registry';
import { cachedQuery, customerProcedure, invalidatingMutation, router } from '../trpc';
import { touchedTags } from './schedule';

/** The schedule in the portal: a customer's free slots, requests and own appointments. */
export const portalScheduleRouter = router({
  /**
   * The free slots of a day: the same answer for every customer (it names nobody, and does not
   * depend on the vehicle, which a request checks), so one cached entry per day.
   */
  slots: cachedQuery(customerProcedure.input(portalSlotsInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx, input }) => portalSlots(ctx.prisma, input.day, new Date()),
    tags: ({ input }) => [scheduleSlotsTag(input.day), settingsTag],
  }),

  /** Asks for a free slot: `requested` until the shop confirms it. */
  request: invalidatingMutation(customerProcedure.input(portalRequestInput), {
    mutation: ({ ctx, input }) =>
      requestSlot(ctx.prisma, ctx.user, input, new Date(), ctx.messaging.addresses),
    tags: ({ result }) => touchedTags(result.touched),
  }),

  /** Cancels one of the customer's appointments, up to the shop's cut-off. */
  cancel: invalidatingMutation(customerProcedure.input(appointmentVersionInput), {
    mutation: ({ ctx, input }) => cancelOwnAppointment(ctx.prisma, ctx.user, input, new Date()),
    tags: ({ result }) => touchedTags(result.touched),
  }),

  /** The customer's own appointments, and how long before one they may still cancel it. */
  mine: cachedQuery(customerProcedure.input(noInput), {
    ttlMs: ttl.portal,
    query: ({ ctx }) => myAppointments(ctx.prisma, ctx.user),
    tags: ({ ctx }) =>
      ctx.user.customerId === null ? [] : [customerAppointmentsTag(ctx.user.customerId)],
  }),
});
