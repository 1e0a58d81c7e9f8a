import { TZDate } from '@date-fns/tz';

// The seed's view of the shop's wall clock: calendar days in the shop's zone and the instant a
// time on that day's clock stands for, on the same library the API's schedule uses.

/** The shop's calendar day (`YYYY-MM-DD`) at `instant`. */
export function shopDay(instant: Date, timeZone: string): string {
  const wall = new TZDate(instant.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
}

/** The instant the shop's clock shows `minute` minutes after midnight on `day`. */
export function atShopTime(day: string, minute: number, timeZone: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(new TZDate(year, month - 1, date, 0, minute, timeZone).getTime());
}

/** The calendar day `count` days after `day`. */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO weekday of `day`: 1 (Monday) to 7 (Sunday). */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}
