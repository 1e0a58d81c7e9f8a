import { clip, type Interval } from './intervals';
import { addDays, dayAt, dayBounds, daysTouched, isoWeekday, wallClock } from './shop-clock';

/** Minutes after midnight on the shop's wall clock, per ISO weekday (none: closed, or off). */
export type WeekHours = ReadonlyMap<number, { from: number; to: number }>;

/** A technician's week: their hours, and the days they are off. */
export type TechnicianWeek = { hours: WeekHours; daysOff: ReadonlySet<string> };

/** The instants `week` covers on `day`, or null when that weekday has no hours. */
export function spanOn(day: string, week: WeekHours, timeZone: string): Interval | null {
  const hours = week.get(isoWeekday(day));
  if (!hours) return null;
  return { start: wallClock(day, hours.from, timeZone), end: wallClock(day, hours.to, timeZone) };
}

/** A technician's working span on `day`: none on a day off. */
export function workingSpanOn(day: string, technician: TechnicianWeek, timeZone: string) {
  return technician.daysOff.has(day) ? null : spanOn(day, technician.hours, timeZone);
}

/** Whether every instant of `interval` falls within the span each of its days has. */
export function withinSpans(
  interval: Interval,
  timeZone: string,
  spanOf: (day: string) => Interval | null,
): boolean {
  return daysTouched(interval.start, interval.end, timeZone).every((day) => {
    const part = clip(interval, dayBounds(day, timeZone));
    if (!part) return true;
    const span = spanOf(day);
    return span !== null && span.start <= part.start && part.end <= span.end;
  });
}

/**
 * Why `interval` is out of hours, in words (none: within them): outside the shop's opening hours,
 * or outside the technician's working hours or on their day off.
 */
export function outOfHoursReasons(
  interval: Interval,
  timeZone: string,
  opening: WeekHours,
  technician?: { name: string; week: TechnicianWeek },
): string[] {
  const reasons: string[] = [];
  if (!withinSpans(interval, timeZone, (day) => spanOn(day, opening, timeZone))) {
    reasons.push('outside the opening hours');
  }
  if (
    technician &&
    !withinSpans(interval, timeZone, (day) => workingSpanOn(day, technician.week, timeZone))
  ) {
    reasons.push(`outside ${technician.name}'s working hours`);
  }
  return reasons;
}

/**
 * The instant `minutes` of opening time after `start` (a job of 6 hours booked at 15:00 with
 * the shop open 08:00-17:00 ends at 12:00 the next open day). Looks at most 60 days ahead.
 */
export function afterOpenMinutes(
  start: Date,
  minutes: number,
  timeZone: string,
  opening: WeekHours,
): Date {
  let left = minutes;
  let day = dayAt(start, timeZone);
  for (let step = 0; step < 60 && left > 0; step++) {
    const span = spanOn(day, opening, timeZone);
    const open = span && clip({ start, end: new Date(8.64e15) }, span);
    if (open) {
      const available = (open.end.getTime() - open.start.getTime()) / 60_000;
      if (available >= left) return new Date(open.start.getTime() + left * 60_000);
      left -= available;
    }
    day = addDays(day, 1);
  }
  return new Date(start.getTime() + minutes * 60_000);
}
