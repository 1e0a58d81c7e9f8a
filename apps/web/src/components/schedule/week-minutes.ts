// The schedule's settings speak of a week on the shop's wall clock: weekdays 1 (Monday) to 7
// (Sunday), and times as minutes after midnight, typed and shown as `HH:MM`.

/** A weekday's span as a form holds it: on (open, worked) or not, from and to as `HH:MM`. */
export type WeekdaySpan = { on: boolean; from: string; to: string };

export const weekdays = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** `HH:MM` of minutes after midnight (1440, the next midnight, is `24:00`). */
export const timeOfMinute = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Minutes after midnight of `HH:MM` (`24:00` included), or null when the text is no time. */
export function minuteOfTime(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours * 60 + minutes > 1440) return null;
  return hours * 60 + minutes;
}
