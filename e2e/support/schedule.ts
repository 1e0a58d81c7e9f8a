import type { RouterOutputs } from '@garage/api';
import type { APIRequestContext } from '@playwright/test';
import { mutate, query } from './api';

// What the schedule flows start from, whatever day CI runs on: a day some weeks ahead on which
// the shop is open long enough (the shop's zone and today come from the app), and a bay of the
// flow's own, so no other flow's bookings (or the seed's) share its column.

type ScheduleDay = RouterOutputs['schedule']['day'];

/** The shop's usual week, set only when the shop has no opening hours at all (an empty seed). */
const usualWeek = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opensMinute: 8 * 60,
  closesMinute: 17 * 60,
}));

/** The hours a flow books within, counted from the opening. */
const hoursNeeded = 7;

const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);

/** 1 (Monday) to 7 (Sunday), as the schedule numbers weekdays. */
const isoWeekday = (day: string) => ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * The first day from `daysAhead` days after today (on the shop's clock) that is open at least
 * seven hours, as the staff's day view answers it. `admin` sets a usual week first when the
 * shop has no opening hours.
 */
export async function openDayAhead(
  admin: APIRequestContext,
  daysAhead: number,
): Promise<ScheduleDay> {
  const setup = await query(admin, 'schedule', 'setup', undefined);
  const opening =
    setup.openingHours.length > 0
      ? setup.openingHours
      : (await mutate(admin, 'schedule', 'setOpeningHours', { hours: usualWeek })).openingHours;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: setup.timeZone }).format(new Date());
  for (let ahead = daysAhead; ahead < daysAhead + 14; ahead++) {
    const day = addDays(today, ahead);
    const hours = opening.find((each) => each.weekday === isoWeekday(day));
    if (hours && hours.closesMinute - hours.opensMinute >= hoursNeeded * 60) {
      return query(admin, 'schedule', 'day', { day });
    }
  }
  throw new Error(`the shop is open ${hoursNeeded} hours on no day of two weeks`);
}

/** A new bay of the flow's own, named after `tag` (unique per run). */
export function newBay(admin: APIRequestContext, tag: string) {
  return mutate(admin, 'schedule', 'createBay', { name: `Bay ${tag}`, position: 999 });
}

/** The moment `minutes` after the day's opening. */
export function afterOpening(day: ScheduleDay, minutes: number): Date {
  if (!day.opening) throw new Error(`the shop is closed on ${day.day}`);
  return new Date(day.opening.start.getTime() + minutes * 60_000);
}

/** `HH:MM` of `instant` on the shop's clock, as the day view labels its cells and blocks. */
export const shopClock = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
