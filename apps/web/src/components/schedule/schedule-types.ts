import type { RouterOutputs } from '@garage/api';

/** One day of the schedule, as the API answers it. */
export type ScheduleDay = RouterOutputs['schedule']['day'];
export type ScheduleAppointment = ScheduleDay['appointments'][number];
export type ScheduleWeek = RouterOutputs['schedule']['week'];

/** Minutes from the start of the shown day (its midnight) to `instant`. */
export const minutesInto = (day: { start: Date }, instant: Date): number =>
  Math.round((instant.getTime() - day.start.getTime()) / 60_000);

/** The grid's row step: 15 minutes. */
export const stepMinutes = 15;
