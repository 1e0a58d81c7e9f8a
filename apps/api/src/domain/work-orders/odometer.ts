import { AppError } from '../../app-error';

/** One entry of a vehicle's odometer log, as the rules see it. */
export type OdometerEntry = {
  reading: number;
  at: Date;
  correction?: boolean;
  implausible?: boolean;
};

/** A jump is implausible above this distance in this many days (or at that rate over more). */
export const implausibleJump = { distance: 100_000, days: 30 } as const;

const dayMs = 86_400_000;

/**
 * Checks a new reading against the vehicle. A reading below the vehicle's mileage is refused
 * (naming `field`) unless it is marked as a correction. A reading more than 100,000 above the
 * previous one within 30 days (or at that rate over a longer time) is kept but flagged
 * implausible.
 */
export function checkOdometerReading(input: {
  field: string;
  reading: number;
  at: Date;
  correction: boolean;
  vehicleMileage: number;
  previous: { reading: number; at: Date } | null;
}): { implausible: boolean } {
  const { field, reading, correction, vehicleMileage, previous } = input;
  if (!Number.isSafeInteger(reading) || reading < 0) {
    throw AppError.badInput(field, 'must be a whole number, 0 or more');
  }
  if (reading < vehicleMileage && !correction) {
    throw AppError.badInput(
      field,
      `is below the vehicle's mileage (${vehicleMileage}); mark it as a correction if it is right`,
    );
  }
  return { implausible: previous !== null && isImplausibleJump(previous, input) };
}

function isImplausibleJump(
  previous: { reading: number; at: Date },
  next: { reading: number; at: Date },
): boolean {
  const days = Math.max(implausibleJump.days, (next.at.getTime() - previous.at.getTime()) / dayMs);
  const allowed = (implausibleJump.distance * days) / implausibleJump.days;
  return next.reading - previous.reading > allowed;
}

/** The latest entry of a log (by time; of two at the same time, the later in the list). */
export function latestReading<Entry extends OdometerEntry>(
  log: ReadonlyArray<Entry>,
): Entry | null {
  let latest: Entry | null = null;
  for (const entry of log) {
    if (!latest || entry.at.getTime() >= latest.at.getTime()) latest = entry;
  }
  return latest;
}

/** The vehicle's mileage after its log: the latest reading, whatever it is (a correction too). */
export function mileageFromLog(log: ReadonlyArray<OdometerEntry>, fallback: number): number {
  return latestReading(log)?.reading ?? fallback;
}
