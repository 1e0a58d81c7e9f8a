import { z } from 'zod';

// A date-only value (a next service's "by" date) is a day of the calendar, the same wherever it
// is read: on the wire it is `YYYY-MM-DD` text, in PostgreSQL a `date`. It is never an instant,
// so no time zone ever moves it to the day before or after.

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is `YYYY-MM-DD` naming a day that exists (years 1 to 9999). */
export function isCalendarDate(text: string): boolean {
  const match = shape.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date, `YYYY-MM-DD` (e.g. "2026-12-28"), in the same plausible years as instants. */
export const calendarDate = z
  .string({ error: 'must be a date (YYYY-MM-DD)' })
  .refine(isCalendarDate, { error: 'must be a date (YYYY-MM-DD) that exists', abort: true })
  .refine((text) => text >= '2000-01-01' && text <= '2099-12-31', {
    error: 'must be in the years 2000 to 2099',
  });
