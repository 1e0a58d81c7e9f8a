import { loadShopSettings, type Prisma, type PrismaClient } from '@garage/db';
import { fromDateColumn } from '../../domain/work-orders/calendar-days';
import { reminderStatus } from '../../domain/work-orders/reminders';

/** What the mileage prediction reads of a vehicle's odometer log. */
export const trendReadingSelect = {
  reading: true,
  at: true,
  correction: true,
  implausible: true,
} satisfies Prisma.OdometerReadingSelect;

/** A vehicle's next service as the portal shows it: what, when, and whether it is due soon. */
export type NextService = {
  description: string;
  dueMileage: number | null;
  /** The day it is due by ("2026-12-28"), a calendar date. */
  dueDate: string | null;
  /** Today's mileage as predicted from the odometer log; null when the log has no reading. */
  predictedMileage: number | null;
  dueSoon: boolean;
};

/**
 * The vehicle's open service reminder judged on `now` by the rule of the due-soon list (the
 * whole odometer log and the shop's today, so the owner and the garage get the same answer);
 * null when none is open.
 * Invoicing completes the open reminder before it sets a new one; should two be open, the
 * newest counts.
 */
export async function nextServiceOf(
  prisma: PrismaClient,
  vehicleId: number,
  now = new Date(),
): Promise<NextService | null> {
  const [reminder, { timeZone }] = await Promise.all([
    prisma.serviceReminder.findFirst({
      where: { vehicleId, completedAt: null },
      orderBy: { id: 'desc' },
      select: {
        description: true,
        dueMileage: true,
        dueDate: true,
        vehicle: { select: { odometerReadings: { select: trendReadingSelect } } },
      },
    }),
    loadShopSettings(prisma),
  ]);
  if (!reminder) return null;
  const { vehicle, dueDate, ...rest } = reminder;
  const due = { ...rest, dueDate: dueDate && fromDateColumn(dueDate) };
  const status = reminderStatus(due, vehicle.odometerReadings, now, timeZone);
  return { ...due, predictedMileage: status.predictedMileage, dueSoon: status.dueSoon };
}
