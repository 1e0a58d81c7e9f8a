// Half-open time intervals [start, end), the shape of every booking, hold and opening span.

export type Interval = { start: Date; end: Date };

/** Whether two half-open intervals share an instant (touching ends do not). */
export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

/** The later of two instants. */
export const later = (a: Date, b: Date): Date => new Date(Math.max(a.getTime(), b.getTime()));

/** The earlier of two instants. */
export const earlier = (a: Date, b: Date): Date => new Date(Math.min(a.getTime(), b.getTime()));

/** The part of `a` inside `b`, or null. */
export function clip(a: Interval, b: Interval): Interval | null {
  const start = later(a.start, b.start);
  const end = earlier(a.end, b.end);
  return start < end ? { start, end } : null;
}

/** Minutes of an interval. */
export const lengthInMinutes = (interval: Interval): number =>
  Math.round((interval.end.getTime() - interval.start.getTime()) / 60_000);
