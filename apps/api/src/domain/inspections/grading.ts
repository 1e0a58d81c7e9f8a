import type { InspectionGrade } from '@garage/validators';
import { AppError } from '../../app-error';

/**
 * The limits of a measured item: the reading at which it becomes advisory, and required. Which
 * side is worse follows from their order (tread 4 then 3 mm: lower is worse; a coolant freeze
 * point of -30 then -20 °C: higher is worse); with one limit only, lower is worse (wear).
 */
export type Limits = { advisoryLimit: number | null; requiredLimit: number | null };

/** Whether a lower reading is the worse one, for these limits. */
export function lowerIsWorse({ advisoryLimit, requiredLimit }: Limits): boolean {
  if (advisoryLimit === null || requiredLimit === null) return true;
  return requiredLimit < advisoryLimit;
}

/** Whether `reading` is at `limit` or past it, on the worse side. */
export function reaches(reading: number, limit: number, limits: Limits): boolean {
  return lowerIsWorse(limits) ? reading <= limit : reading >= limit;
}

/** The grade a reading suggests by the item's limits; null when the item has none. */
export function gradeOfReading(reading: number, limits: Limits): InspectionGrade | null {
  if (limits.advisoryLimit === null && limits.requiredLimit === null) return null;
  if (limits.requiredLimit !== null && reaches(reading, limits.requiredLimit, limits)) {
    return 'required';
  }
  if (limits.advisoryLimit !== null && reaches(reading, limits.advisoryLimit, limits)) {
    return 'advisory';
  }
  return 'ok';
}

/** A finding: what the customer is told of and offered a line for. */
export const isFinding = (grade: InspectionGrade | null): boolean =>
  grade === 'advisory' || grade === 'required';

/**
 * Work the car needs is shown, not claimed: an item graded `required` has a photo. Refused
 * (naming `grade`) otherwise; nothing is written.
 */
export function assertShown(grade: InspectionGrade | null, photos: number): void {
  if (grade === 'required' && photos === 0) {
    throw AppError.badInput('grade', 'required needs a photo of the item first');
  }
}

/** How far an inspection is: items graded of all, and its findings. */
export type InspectionProgress = {
  graded: number;
  total: number;
  advisory: number;
  required: number;
};

export function progressOf(items: ReadonlyArray<{ grade: InspectionGrade | null }>) {
  const progress: InspectionProgress = { graded: 0, total: items.length, advisory: 0, required: 0 };
  for (const { grade } of items) {
    if (grade === null) continue;
    progress.graded++;
    if (grade === 'advisory') progress.advisory++;
    if (grade === 'required') progress.required++;
  }
  return progress;
}
