import { TZDate } from '@date-fns/tz';
import { dayIn, toDateColumn } from '../work-orders/calendar-days';

// The schedule runs on the shop's wall clock (the settings' IANA zone): a day is from one local
// midnight to the next, so a daylight-saving day has 23 or 25 hours of instants, and "08:00" is
// whatever instant the clocks on the wall show 08:00 at. Hours are minutes after midnight.

const minuteMs = 60_000;

// wallClock's answers by zone, day and minute. A week view asks for the same few hundred again
// and again (each appointment's planned end walks its days' opening hours), and resolving a zone's
// offset is the costly part (most of an uncached week at volume). A zone's rules do not change
// while the process runs; the map is emptied when full, so it stays small.
const wallClocks = new Map<string, number>();
const wallClocksKept = 20_000;

/** The instant `day`'s wall clock shows `minute` minutes after midnight (1440: the next midnight). A time a DST jump skips moves forward, as clocks do. */
export function wallClock(day: string, minute: number, timeZone: string): Date {
  const key = `${timeZone} ${day} ${minute}`;
  let instant = wallClocks.get(key);
  if (instant === undefined) {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    instant = new TZDate(year, month - 1, date, 0, minute, timeZone).getTime();
    if (wallClocks.size >= wallClocksKept) wallClocks.clear();
    wallClocks.set(key, instant);
  }
  return new Date(instant);
}

/** The instants of `day`: from its midnight to the next (23, 24 or 25 hours). */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  return { start: wallClock(day, 0, timeZone), end: wallClock(addDays(day, 1), 0, timeZone) };
}

/** The calendar day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  return new Date(toDateColumn(day).getTime() + count * 86_400_000).toISOString().slice(0, 10);
}

/** `count` days from `first`. */
export function daysFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(first, index));
}

/** The ISO weekday of `day`: 1 (Monday) to 7 (Sunday). */
export function isoWeekday(day: string): number {
  return toDateColumn(day).getUTCDay() || 7;
}

// dayAt's answers by zone and quarter hour: every zone's offset is a whole number of quarter
// hours, so a day never changes within one; a week view asks for each appointment's day.
const daysAt = new Map<string, string>();

/** The shop's day at `instant`. */
export function dayAt(instant: Date, timeZone: string): string {
  const key = `${timeZone} ${Math.floor(instant.getTime() / 900_000)}`;
  let day = daysAt.get(key);
  if (day === undefined) {
    day = dayIn(timeZone, instant);
    if (daysAt.size >= wallClocksKept) daysAt.clear();
    daysAt.set(key, day);
  }
  return day;
}

/** The shop's days that [start, end) covers part of. */
export function daysTouched(start: Date, end: Date, timeZone: string): string[] {
  const last = dayAt(new Date(Math.max(start.getTime(), end.getTime() - 1)), timeZone);
  const days = [dayAt(start, timeZone)];
  while ((days.at(-1) ?? last) < last) days.push(addDays(days.at(-1) ?? last, 1));
  return days;
}

/** Whole minutes between two instants. */
export const minutesBetween = (from: Date, to: Date): number =>
  Math.round((to.getTime() - from.getTime()) / minuteMs);

/** `instant` plus `minutes`. */
export const plusMinutes = (instant: Date, minutes: number): Date =>
  new Date(instant.getTime() + minutes * minuteMs);

const labels = new Map<string, Intl.DateTimeFormat>();

/** `instant` on the shop's wall clock, `HH:MM` (24-hour). */
export function clockLabel(instant: Date, timeZone: string): string {
  let format = labels.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    labels.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * One mark per elapsed hour of `day`, labelled with the wall clock: a spring-forward day has 23
 * (02:00 is never shown), a fall-back day 25 (01:00 twice).
 */
export function hourMarks(day: string, timeZone: string): { at: Date; label: string }[] {
  const { start, end } = dayBounds(day, timeZone);
  const hours = minutesBetween(start, end) / 60;
  return Array.from({ length: Math.ceil(hours) }, (_, index) => {
    const at = plusMinutes(start, index * 60);
    return { at, label: clockLabel(at, timeZone) };
  });
}
