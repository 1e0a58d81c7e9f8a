import type { WorkOrderStatus } from '@garage/validators';
import { isOpen } from '../work-orders/status';
import { afterOpenMinutes, spanOn, type WeekHours } from './hours';
import { clip, type Interval, later } from './intervals';
import { dayBounds } from './shop-clock';

// Carry-over: a car that arrived keeps its bay while its work order is still in the shop (any
// open status: estimate, approved, in progress, waiting for parts, ready but not collected).
// It holds the bay through its planned end (the appointment's end, or its approved labour hours
// counted in opening time from the start, whichever is later) and, while it has not left, through
// the end of today: every morning it is still there, that day's opening hours are taken too.
// Days after today beyond the planned end stay free: the car may leave before then.

export type ArrivedJob = {
  startsAt: Date;
  endsAt: Date;
  workOrder: { status: WorkOrderStatus; approvedLaborHours: number };
};

/** When the job is planned to end: its booked end, or later when its approved labour says so. */
export function plannedEnd(job: ArrivedJob, timeZone: string, opening: WeekHours): Date {
  const byLabour = afterOpenMinutes(
    job.startsAt,
    Math.round(job.workOrder.approvedLaborHours * 60),
    timeZone,
    opening,
  );
  return later(byLabour, job.endsAt);
}

/**
 * The time `job` holds its bay on `day` beyond its own booking (null: none): the opening hours
 * of that day between the booking's end and the end of its hold.
 */
export function carryOverOn(
  job: ArrivedJob,
  day: string,
  today: string,
  timeZone: string,
  opening: WeekHours,
): Interval | null {
  if (!isOpen(job.workOrder.status)) return null;
  const planned = plannedEnd(job, timeZone, opening);
  const endOfToday = dayBounds(today, timeZone).end;
  const heldUntil = later(planned, endOfToday);
  const span = spanOn(day, opening, timeZone);
  if (!span) return null;
  return clip({ start: job.endsAt, end: heldUntil }, span);
}
