import { type Interval, overlaps } from './intervals';
import { plusMinutes } from './shop-clock';

/**
 * The slots of `length` minutes, every `length` minutes from the opening, in which at least one
 * bay is free, starting after `notBefore`. Only the slots: nothing of who holds the rest.
 */
export function freeSlots(options: {
  opening: Interval | null;
  lengthMinutes: number;
  notBefore: Date;
  busyByBay: readonly (readonly Interval[])[];
}): Interval[] {
  const { opening, lengthMinutes, notBefore, busyByBay } = options;
  if (!opening) return [];
  const slots: Interval[] = [];
  for (
    let start = opening.start;
    plusMinutes(start, lengthMinutes) <= opening.end;
    start = plusMinutes(start, lengthMinutes)
  ) {
    const slot = { start, end: plusMinutes(start, lengthMinutes) };
    if (slot.start < notBefore) continue;
    if (busyByBay.some((busy) => !busy.some((interval) => overlaps(interval, slot)))) {
      slots.push(slot);
    }
  }
  return slots;
}
