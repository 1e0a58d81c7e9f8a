import { dayIn, daysBetween } from './calendar-days';
import { latestReading, type OdometerEntry } from './odometer';

/**
 * The next service of a vehicle: by mileage, by a calendar date ("2026-12-28"), or both
 * (whichever comes first).
 */
export type ServiceDue = { dueMileage: number | null; dueDate: string | null };

/**
 * "Due soon": due within 30 days of the shop's today (calendar days, so neither the shop's
 * offset from UTC nor a daylight-saving change moves the line), or a predicted mileage within
 * 1,000 of the mark.
 */
export const dueSoonWindow = { days: 30, distance: 1_000 } as const;

/** Readings spanning less than this give no trend: a car's in and out on one day say nothing. */
export const minimumTrendDays = 30;

const dayMs = 86_400_000;

/**
 * A vehicle's odometer trend: its latest usable reading, and the average distance per day since
 * the start of the trend (0 when the trend spans less than `minimumTrendDays`). The trend starts
 * at the last correction (a correction resets the log) and ignores readings flagged
 * implausible. Null when the log has no usable reading.
 */
export function odometerTrend(
  log: ReadonlyArray<OdometerEntry>,
): { latest: OdometerEntry; perDay: number } | null {
  const trend = trendOf(log);
  const latest = latestReading(trend);
  if (!latest) return null;
  const first = trend.reduce((earliest, entry) => (entry.at < earliest.at ? entry : earliest));
  const spanDays = (latest.at.getTime() - first.at.getTime()) / dayMs;
  if (spanDays < minimumTrendDays) return { latest, perDay: 0 };
  return { latest, perDay: Math.max(0, (latest.reading - first.reading) / spanDays) };
}

/**
 * The mileage a vehicle should show on `on`, from its odometer log: the latest reading plus the
 * average distance per day of its trend (see `odometerTrend`), times the days since that
 * reading. Null when the log has no usable reading.
 */
export function predictMileage(log: ReadonlyArray<OdometerEntry>, on: Date): number | null {
  const trend = odometerTrend(log);
  if (!trend) return null;
  const daysAhead = (on.getTime() - trend.latest.at.getTime()) / dayMs;
  if (trend.perDay === 0 || daysAhead <= 0) return trend.latest.reading;
  return Math.round(trend.latest.reading + trend.perDay * daysAhead);
}

/**
 * The day the vehicle should reach `mileage`, from its odometer trend: null when it has no
 * trend (too short, or not moving). A mileage already passed is reached on the latest reading.
 */
export function predictDayOfMileage(
  log: ReadonlyArray<OdometerEntry>,
  mileage: number,
): Date | null {
  const trend = odometerTrend(log);
  if (!trend) return null;
  const ahead = mileage - trend.latest.reading;
  if (ahead <= 0) return trend.latest.at;
  if (trend.perDay === 0) return null;
  return new Date(trend.latest.at.getTime() + Math.round((ahead / trend.perDay) * dayMs));
}

function trendOf(log: ReadonlyArray<OdometerEntry>): OdometerEntry[] {
  const usable = log
    .filter((entry) => !entry.implausible)
    .toSorted((a, b) => a.at.getTime() - b.at.getTime());
  const lastCorrection = usable.findLastIndex((entry) => entry.correction);
  return lastCorrection === -1 ? usable : usable.slice(lastCorrection);
}

export type ReminderStatus = {
  dueSoon: boolean;
  /** Due within 30 days (or overdue) by date. */
  byDate: boolean;
  /** Predicted within 1,000 of the mileage mark (or past it). */
  byMileage: boolean;
  predictedMileage: number | null;
};

/**
 * Whether a next service is due soon at the instant `now`, by its date (against the day it
 * then is in the shop's `timeZone`) or by the predicted mileage.
 */
export function reminderStatus(
  due: ServiceDue,
  log: ReadonlyArray<OdometerEntry>,
  now: Date,
  timeZone: string,
): ReminderStatus {
  const predictedMileage = predictMileage(log, now);
  const byDate =
    due.dueDate !== null && daysBetween(dayIn(timeZone, now), due.dueDate) <= dueSoonWindow.days;
  const byMileage =
    due.dueMileage !== null &&
    predictedMileage !== null &&
    due.dueMileage - predictedMileage <= dueSoonWindow.distance;
  return { dueSoon: byDate || byMileage, byDate, byMileage, predictedMileage };
}
