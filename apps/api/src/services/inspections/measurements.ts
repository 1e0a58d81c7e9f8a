import { loadShopSettings, type Prisma, type PrismaClient } from '@garage/db';
import type { InspectionGrade } from '@garage/validators';
import { predictWear, type WearPrediction, wearDueSoon } from '../../domain/inspections/wear';
import { dayIn } from '../../domain/work-orders/calendar-days';
import type { OdometerEntry } from '../../domain/work-orders/odometer';
import { predictMileage } from '../../domain/work-orders/reminders';
import { requireVisible } from '../../visibility/assert';
import { type Viewer, visibleTo } from '../../visibility/rules';
import { trendReadingSelect } from '../reminders/next-service';
import { numberOf } from './decimal';

/** One reading of a measured item on one visit. */
export type MeasurementPoint = {
  workOrderId: number;
  mileage: number;
  at: Date;
  value: number;
  grade: InspectionGrade | null;
};

/** A measured item across a vehicle's visits, with when it should reach its limit. */
export type MeasurementSeries = {
  section: string;
  label: string;
  unit: string;
  advisoryLimit: number | null;
  requiredLimit: number | null;
  points: MeasurementPoint[];
  /** Null when the readings say nothing yet (one visit, or not wearing). */
  prediction: (Omit<WearPrediction, 'day'> & { day: string | null; dueSoon: boolean }) | null;
};

const seriesKey = (item: { section: string; label: string; unit: string | null }) =>
  JSON.stringify([item.section, item.label, item.unit]);

/** What the series are built from: a vehicle's inspections and their measured items. */
export const measuredInspectionSelect = {
  workOrderId: true,
  mileage: true,
  createdAt: true,
  items: {
    where: { measurement: { not: null }, unit: { not: null } },
    orderBy: { position: 'asc' },
    select: {
      section: true,
      label: true,
      unit: true,
      advisoryLimit: true,
      requiredLimit: true,
      measurement: true,
      grade: true,
    },
  },
} satisfies Prisma.InspectionSelect;

type MeasuredInspection = Prisma.InspectionGetPayload<{ select: typeof measuredInspectionSelect }>;

/**
 * A vehicle's readings by item (section, label and unit) across its inspections (by mileage),
 * each series predicted forward against mileage, and to a day with the vehicle's odometer log as
 * "Due soon" predicts next services, judged due soon on `now` by that list's rule.
 */
export function measurementSeries(
  inspections: readonly MeasuredInspection[],
  log: ReadonlyArray<OdometerEntry>,
  timeZone: string,
  now: Date,
): { predictedMileage: number | null; series: MeasurementSeries[] } {
  const bySeries = new Map<string, Omit<MeasurementSeries, 'prediction'>>();
  for (const inspection of inspections) {
    for (const item of inspection.items) {
      const key = seriesKey(item);
      const limits = {
        advisoryLimit: numberOf(item.advisoryLimit),
        requiredLimit: numberOf(item.requiredLimit),
      };
      // The latest visit's limits hold: a shop may have changed them since.
      const points: MeasurementPoint[] = bySeries.get(key)?.points ?? [];
      const series = { points, ...limits };
      series.points.push({
        workOrderId: inspection.workOrderId,
        mileage: inspection.mileage,
        at: inspection.createdAt,
        value: numberOf(item.measurement) ?? 0,
        grade: item.grade,
      });
      bySeries.set(key, {
        section: item.section,
        label: item.label,
        unit: item.unit ?? '',
        ...series,
      });
    }
  }
  const predictedMileage = predictMileage(log, now);
  const today = dayIn(timeZone, now);
  const dayOf = (instant: Date) => dayIn(timeZone, instant);
  const series = [...bySeries.values()].map((each) => {
    const wear = predictWear(
      each.points.map(({ mileage, value }) => ({ mileage, value })),
      each,
      log,
    );
    const prediction = wear && {
      ...wear,
      day: wear.day && dayOf(wear.day),
      dueSoon: wearDueSoon(wear, predictedMileage, today, dayOf),
    };
    return { ...each, prediction };
  });
  return { predictedMileage, series };
}

/**
 * A vehicle's measurements across visits (see measurementSeries) for `viewer`: staff every
 * inspection of it; its owner those of their own work orders (the rule's one answer for a
 * vehicle they do not own). Predictions read the whole odometer log, as the next service's do,
 * so the owner and the garage get the same answer.
 */
export async function vehicleMeasurements(
  prisma: PrismaClient,
  vehicleId: number,
  viewer: Viewer,
  now = new Date(),
): Promise<{ vehicleId: number; predictedMileage: number | null; series: MeasurementSeries[] }> {
  const visible = visibleTo(viewer);
  const [vehicle, { timeZone }] = await Promise.all([
    prisma.vehicle.findUnique({
      where: { id: vehicleId, AND: visible.vehicle },
      select: {
        id: true,
        odometerReadings: { select: trendReadingSelect },
        inspections: {
          where: visible.inspection,
          orderBy: [{ mileage: 'asc' }, { id: 'asc' }],
          select: measuredInspectionSelect,
        },
      },
    }),
    loadShopSettings(prisma),
  ]);
  const found = requireVisible(vehicle, viewer, 'vehicle');
  const { predictedMileage, series } = measurementSeries(
    found.inspections,
    found.odometerReadings,
    timeZone,
    now,
  );
  return { vehicleId: found.id, predictedMileage, series };
}
