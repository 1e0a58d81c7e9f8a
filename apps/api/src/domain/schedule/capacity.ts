import { clip, type Interval, later, lengthInMinutes } from './intervals';

/** A resource's day: the minutes it is available, and the minutes booked within them. */
export type Capacity = { availableMinutes: number; bookedMinutes: number };

/**
 * How much of `available` (a bay's opening hours, a technician's working hours; null: none that
 * day) the `busy` intervals take; overlapping busy time is counted once.
 */
export function capacityOf(available: Interval | null, busy: readonly Interval[]): Capacity {
  if (!available) return { availableMinutes: 0, bookedMinutes: 0 };
  const parts = busy
    .map((interval) => clip(interval, available))
    .filter((part): part is Interval => part !== null)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  let booked = 0;
  let reached = available.start;
  for (const part of parts) {
    const start = later(part.start, reached);
    if (part.end > start) booked += lengthInMinutes({ start, end: part.end });
    if (part.end > reached) reached = part.end;
  }
  return { availableMinutes: lengthInMinutes(available), bookedMinutes: booked };
}
