import { TZDate } from '@date-fns/tz';

// <input type="datetime-local"> holds a wall-clock time with no zone ("2025-03-01T14:05"). The
// shop's promised times are read and written on the shop's clock, whatever zone the browser is in.

const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The datetime-local value showing `date` on the shop's wall clock. */
export function toWallClockInput(date: Date, timeZone: string): string {
  const zoned = new TZDate(date.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`;
}

/**
 * The moment a datetime-local value means on the shop's wall clock, or null when the text is
 * not one (an empty field). A time skipped by a daylight-saving jump moves forward, as clocks do.
 */
export function fromWallClockInput(text: string, timeZone: string): Date | null {
  const match = wallClockPattern.exec(text.trim());
  if (!match) return null;
  const part = (group: number) => Number(match[group]);
  const zoned = new TZDate(part(1), part(2) - 1, part(3), part(4), part(5), timeZone);
  return new Date(zoned.getTime());
}
