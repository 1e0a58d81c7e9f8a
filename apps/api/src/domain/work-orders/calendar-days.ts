// Date-only values (a next service's "by" day) are calendar dates: `YYYY-MM-DD` text on the
// wire, a PostgreSQL `date` in the database, compared with the day it is in the shop. Prisma
// reads and writes a `date` as that day's midnight UTC: the two functions below are the only
// place a Date stands for a day, and nothing shows or compares that Date in a time zone.

const dayMs = 86_400_000;

/** The value a `date` column takes through Prisma for `day` ("2026-12-28"). */
export function toDateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The day a `date` column holds ("2026-12-28"), from Prisma's midnight-UTC Date. */
export function fromDateColumn(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const todayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day it is in `timeZone` (an IANA zone, the shop's) at the instant `now`. */
export function dayIn(timeZone: string, now: Date): string {
  let format = todayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    todayFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDateColumn(to).getTime() - toDateColumn(from).getTime()) / dayMs);
}
