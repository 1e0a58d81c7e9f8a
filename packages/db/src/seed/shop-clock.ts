// The seed's view of the shop's wall clock: calendar days in the shop's zone and the instant a
// time on that day's clock stands for. (The API has its own, on @date-fns/tz; the seed needs only
// whole days and hours away from the daylight-saving jumps, which Intl answers alone.)

const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, instant: number): Record<string, number> {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, ms. */
function offsetAt(timeZone: string, instant: number): number {
  const p = partsIn(timeZone, instant);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The shop's calendar day (`YYYY-MM-DD`) at `instant`. */
export function shopDay(instant: Date, timeZone: string): string {
  const p = partsIn(timeZone, instant.getTime());
  const pad = (value: number | undefined) => String(value).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant the shop's clock shows `minute` minutes after midnight on `day`. */
export function atShopTime(day: string, minute: number, timeZone: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date, 0, minute);
  // The offset at the guess, then at the instant it gives (they differ only across a jump).
  const first = wall - offsetAt(timeZone, wall);
  return new Date(wall - offsetAt(timeZone, first));
}

/** The calendar day `count` days after `day`. */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO weekday of `day`: 1 (Monday) to 7 (Sunday). */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}
