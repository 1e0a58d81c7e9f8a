import { loadShopSettings, type PrismaClient } from '@garage/db';
import { trendReadingSelect } from '../reminders/next-service';
import { measuredInspectionSelect, measurementSeries } from './measurements';

/** A measured item predicted to reach its limit soon, on the due-soon list beside the reminders. */
export type WearDueSoonRow = {
  vehicle: { id: number; plate: string; make: string; model: string; year: number };
  customer: { id: number; name: string; email: string | null; phone: string | null };
  label: string;
  unit: string;
  limit: number;
  /** The mileage it reaches the limit at, and the day (a calendar date) when there is a trend. */
  mileage: number;
  day: string | null;
  reached: boolean;
};

/**
 * Every vehicle's measured items judged by the due-soon rule (reached, or predicted within 1,000
 * of today's predicted mileage or 30 days), nearest first. `vehicleIds` names every vehicle
 * judged, so a new reading on its odometer can reach the list.
 */
export async function wearDueSoon(
  prisma: PrismaClient,
  now = new Date(),
): Promise<{ items: WearDueSoonRow[]; vehicleIds: number[] }> {
  const [vehicles, { timeZone }] = await Promise.all([
    prisma.vehicle.findMany({
      where: { inspections: { some: { items: { some: { measurement: { not: null } } } } } },
      orderBy: { id: 'asc' },
      select: {
        id: true,
        plate: true,
        make: true,
        model: true,
        year: true,
        owner: { select: { id: true, name: true, email: true, phone: true } },
        odometerReadings: { select: trendReadingSelect },
        inspections: {
          orderBy: [{ mileage: 'asc' }, { id: 'asc' }],
          select: measuredInspectionSelect,
        },
      },
    }),
    loadShopSettings(prisma),
  ]);
  const items: WearDueSoonRow[] = [];
  for (const { owner, odometerReadings, inspections, ...vehicle } of vehicles) {
    const { series } = measurementSeries(inspections, odometerReadings, timeZone, now);
    for (const { label, unit, prediction } of series) {
      if (!prediction?.dueSoon) continue;
      const { limit, mileage, day, reached } = prediction;
      items.push({ vehicle, customer: owner, label, unit, limit, mileage, day, reached });
    }
  }
  items.sort((a, b) => Number(b.reached) - Number(a.reached) || a.mileage - b.mileage);
  return { items, vehicleIds: vehicles.map((vehicle) => vehicle.id) };
}
