import {
  appointmentArriveInput,
  appointmentBookInput,
  appointmentConfirmInput,
  appointmentMoveInput,
  appointmentVersionInput,
  bayCreateInput,
  bayUpdateInput,
  noInput,
  openingHoursInput,
  scheduleDayInput,
  scheduleSettingsInput,
  scheduleWeekInput,
  workingHoursInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import { daysFrom } from '../domain/schedule/shop-clock';
import type { Touched } from '../services/schedule/book';
import { bookAppointment, moveAppointment } from '../services/schedule/book';
import {
  createBay,
  getScheduleSetup,
  setOpeningHours,
  setWorkingHours,
  updateBay,
  updateScheduleSettings,
} from '../services/schedule/settings';
import {
  arriveAppointment,
  closeAppointment,
  confirmAppointment,
} from '../services/schedule/transitions';
import { scheduleDay, scheduleWeek } from '../services/schedule/views';
import {
  customerAppointmentsTag,
  customerWorkOrdersTag,
  scheduleBayTag,
  scheduleDayTag,
  scheduleSetupTag,
  scheduleSlotsTag,
  scheduleTechnicianTag,
  settingsTag,
  vehicleHistoryTag,
  workOrderTag,
} from '../tags/registry';
import { adminProcedure, cachedQuery, invalidatingMutation, router, staffProcedure } from '../trpc';
import { appointmentMessageTags, deliverSoon } from './message-tags';
import { readingTags } from './work-order';

/**
 * What a booking, move or status change touched: the staff's views and the portal's slots of
 * each day it covers (before and after a move), and the customer's own list.
 */
export const touchedTags = ({ days, customerId }: Touched) => [
  ...days.map(scheduleDayTag),
  ...days.map(scheduleSlotsTag),
  ...(customerId === null ? [] : [customerAppointmentsTag(customerId)]),
];

/** The routes a change of the schedule's settings reaches: every day, week and slot list. */
const everyScheduleRoute = ['schedule.day', 'schedule.week', 'portalSchedule.slots'] as const;

export const scheduleRouter = router({
  /** Bays, opening hours, technicians' hours and days off, the portal's offer. */
  setup: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx }) => getScheduleSetup(ctx.prisma),
    tags: ({ result }) => [
      scheduleSetupTag,
      settingsTag,
      ...result.bays.map((bay) => scheduleBayTag(bay.id)),
      ...result.technicians.map((technician) => scheduleTechnicianTag(technician.id)),
    ],
  }),

  /**
   * One day on the shop's clock (23, 24 or 25 hours): columns per bay and per technician, the
   * appointments and carried-over work, each resource's capacity. The tags of the work orders
   * that shape it (its appointments', and every car still in the shop) bring their moves
   * (leaving the shop, approved labour) here.
   */
  day: cachedQuery(staffProcedure.input(scheduleDayInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx, input }) => scheduleDay(ctx.prisma, input.day, new Date()),
    tags: ({ input, result }) => [
      scheduleDayTag(input.day),
      settingsTag,
      scheduleSetupTag,
      ...result.bays.map((bay) => scheduleBayTag(bay.id)),
      ...result.technicians.map((technician) => scheduleTechnicianTag(technician.id)),
      ...result.workOrderIds.map(workOrderTag),
    ],
  }),

  /** Seven days from `start`: booked ÷ available hours per bay and technician, per day. */
  week: cachedQuery(staffProcedure.input(scheduleWeekInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx, input }) => scheduleWeek(ctx.prisma, input.start, new Date()),
    tags: ({ input, result }) => [
      ...daysFrom(input.start, 7).map(scheduleDayTag),
      settingsTag,
      scheduleSetupTag,
      ...result.bays.map((bay) => scheduleBayTag(bay.id)),
      ...result.technicians.map((technician) => scheduleTechnicianTag(technician.id)),
      ...result.workOrderIds.map(workOrderTag),
    ],
  }),

  /** Books an appointment for a vehicle, or for a caller drafted on the phone. */
  book: invalidatingMutation(staffProcedure.input(appointmentBookInput), {
    mutation: async ({ ctx, input }) =>
      deliverSoon(
        ctx,
        await bookAppointment(ctx.prisma, input, ctx.user, new Date(), ctx.messaging.addresses),
      ),
    tags: ({ result }) => [...touchedTags(result.touched), ...appointmentMessageTags(result)],
  }),

  /** Moves or resizes an appointment (another bay or technician too). */
  move: invalidatingMutation(staffProcedure.input(appointmentMoveInput), {
    mutation: ({ ctx, input: { id, version, ...move } }) =>
      moveAppointment(ctx.prisma, id, version, move, ctx.user, new Date()),
    tags: ({ result }) => touchedTags(result.touched),
  }),

  /** Confirms a requested appointment (the portal's), optionally giving it a bay or technician. */
  confirm: invalidatingMutation(staffProcedure.input(appointmentConfirmInput), {
    mutation: async ({ ctx, input }) =>
      deliverSoon(
        ctx,
        await confirmAppointment(ctx.prisma, input, ctx.user, new Date(), ctx.messaging.addresses),
      ),
    tags: ({ result }) => [...touchedTags(result.touched), ...appointmentMessageTags(result)],
  }),

  /** The car came: opens its work order with the concern, or joins an open one. */
  arrive: invalidatingMutation(staffProcedure.input(appointmentArriveInput), {
    mutation: ({ ctx, input }) => arriveAppointment(ctx.prisma, input, ctx.user, new Date()),
    tags: ({ result }) => [
      ...touchedTags(result.touched),
      workOrderTag(result.arrival.workOrderId),
      ...(result.arrival.opened
        ? [
            vehicleHistoryTag(result.arrival.vehicleId),
            customerWorkOrdersTag(result.arrival.customerId),
          ]
        : []),
      ...readingTags(result.arrival.recordedReading),
    ],
    routes: ['workOrder.list', 'workOrder.board'],
  }),

  /** The car did not come. */
  noShow: invalidatingMutation(staffProcedure.input(appointmentVersionInput), {
    mutation: ({ ctx, input }) => closeAppointment(ctx.prisma, input, 'no_show', ctx.user),
    tags: ({ result }) => touchedTags(result.touched),
  }),

  /** Cancels an appointment (staff: at any time before arrival). */
  cancel: invalidatingMutation(staffProcedure.input(appointmentVersionInput), {
    mutation: ({ ctx, input }) => closeAppointment(ctx.prisma, input, 'cancelled', ctx.user),
    tags: ({ result }) => touchedTags(result.touched),
  }),

  /** Adds a bay. */
  createBay: invalidatingMutation(adminProcedure.input(bayCreateInput), {
    mutation: ({ ctx, input }) => createBay(ctx.prisma, input),
    tags: () => [scheduleSetupTag],
    routes: [...everyScheduleRoute],
  }),

  /** Renames, reorders or (de)activates a bay. */
  updateBay: invalidatingMutation(adminProcedure.input(bayUpdateInput), {
    mutation: ({ ctx, input: { id, version, ...changes } }) =>
      updateBay(ctx.prisma, id, version, changes, ctx.user.id),
    tags: ({ result }) => [scheduleSetupTag, scheduleBayTag(result.id)],
    routes: ['portalSchedule.slots'],
  }),

  /** Sets the shop's opening hours. */
  setOpeningHours: invalidatingMutation(adminProcedure.input(openingHoursInput), {
    mutation: ({ ctx, input }) => setOpeningHours(ctx.prisma, input.hours),
    tags: () => [scheduleSetupTag],
    routes: [...everyScheduleRoute],
  }),

  /** Sets a technician's weekly hours and days off. */
  setWorkingHours: invalidatingMutation(adminProcedure.input(workingHoursInput), {
    mutation: ({ ctx, input }) => setWorkingHours(ctx.prisma, input),
    tags: ({ input }) => [scheduleSetupTag, scheduleTechnicianTag(input.technicianId)],
  }),

  /** Sets what the portal offers: cut-off for cancelling, slot length, horizon (not the staff's days). */
  updateSettings: invalidatingMutation(adminProcedure.input(scheduleSettingsInput), {
    mutation: ({ ctx, input }) => updateScheduleSettings(ctx.prisma, input),
    routes: ['schedule.setup', 'portalSchedule.slots', 'portalSchedule.mine'],
  }),
});
