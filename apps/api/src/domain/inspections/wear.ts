import { daysBetween } from '../work-orders/calendar-days';
import type { OdometerEntry } from '../work-orders/odometer';
import { dueSoonWindow, predictDayOfMileage } from '../work-orders/reminders';
import { type Limits, lowerIsWorse, reaches } from './grading';

/** One reading of an item on a visit: what it measured, at what mileage. */
export type WearReading = { mileage: number; value: number };

/** When a series of readings reaches its limit: at what mileage and, with a trend, on what day. */
export type WearPrediction = {
  /** The limit it is predicted to reach (the required one, else the advisory one). */
  limit: number;
  /** The mileage at which it reaches it (the latest reading's, when it already has). */
  mileage: number;
  /** The day, from the vehicle's odometer trend; null without one. */
  day: Date | null;
  /** Change of the reading per 1,000 of mileage (negative: it goes down). */
  perThousand: number;
  reached: boolean;
};

/** The least-squares line through the readings: value = intercept + slope × mileage. */
function fit(readings: ReadonlyArray<WearReading>): { intercept: number; slope: number } | null {
  const n = readings.length;
  const meanX = readings.reduce((sum, r) => sum + r.mileage, 0) / n;
  const meanY = readings.reduce((sum, r) => sum + r.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const { mileage, value } of readings) {
    sxx += (mileage - meanX) ** 2;
    sxy += (mileage - meanX) * (value - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/**
 * When a measured item reaches its limit, from its readings across visits (a straight line
 * through them, by mileage) and the vehicle's odometer log (the mileage's day, as "Due soon"
 * predicts it). Null when the readings say nothing: fewer than two mileages, no limit, or not
 * wearing towards it. A latest reading already at the limit has reached it.
 */
export function predictWear(
  readings: ReadonlyArray<WearReading>,
  limits: Limits,
  log: ReadonlyArray<OdometerEntry>,
): WearPrediction | null {
  const limit = limits.requiredLimit ?? limits.advisoryLimit;
  if (limit === null || readings.length === 0) return null;
  const latest = readings.reduce((last, r) => (r.mileage >= last.mileage ? r : last));
  const line = fit(readings);
  const perThousand = line ? line.slope * 1_000 : 0;
  if (reaches(latest.value, limit, limits)) {
    return { limit, mileage: latest.mileage, day: null, perThousand, reached: true };
  }
  if (!line) return null;
  const worsening = lowerIsWorse(limits) ? line.slope < 0 : line.slope > 0;
  if (!worsening) return null;
  const atLimit = Math.max(latest.mileage, (limit - line.intercept) / line.slope);
  const mileage = Math.round(atLimit);
  return { limit, mileage, day: predictDayOfMileage(log, mileage), perThousand, reached: false };
}

/**
 * Whether worn parts are due soon by the rule of the due-soon list: reached already, predicted
 * to reach the limit within 1,000 of the vehicle's predicted mileage today, or within 30 days of
 * the shop's today (`today`, a calendar date; `dayOf` gives a predicted day's).
 */
export function wearDueSoon(
  prediction: WearPrediction,
  predictedMileage: number | null,
  today: string,
  dayOf: (instant: Date) => string,
): boolean {
  if (prediction.reached) return true;
  const byMileage =
    predictedMileage !== null && prediction.mileage - predictedMileage <= dueSoonWindow.distance;
  const byDate =
    prediction.day !== null && daysBetween(today, dayOf(prediction.day)) <= dueSoonWindow.days;
  return byMileage || byDate;
}
