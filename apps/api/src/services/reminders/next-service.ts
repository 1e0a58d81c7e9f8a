import type { Prisma, PrismaClient } from '@garage/db';
import { reminderStatus } from '../../work-orders/reminders';

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
  dueDate: Date | null;
  /** Today's mileage as predicted from the odometer log; null when the log has no reading. */
  predictedMileage: number | null;
  dueSoon: boolean;
};

/**
 * The vehicle's open service reminder judged on `now` by the rule of the due-soon list (the
 * whole odometer log, so the owner and the garage get the same answer); null when none is open.
 * Invoicing completes the open reminder before it sets a new one; should two be open, the
 * newest counts.
 */
export async function nextServiceOf(
  prisma: PrismaClient,
  vehicleId: number,
  now = new Date(),
): Promise<NextService | null> {
  const reminder = await prisma.serviceReminder.findFirst({
    where: { vehicleId, completedAt: null },
    orderBy: { id: 'desc' },
    select: {
      description: true,
      dueMileage: true,
      dueDate: true,
      vehicle: { select: { odometerReadings: { select: trendReadingSelect } } },
    },
  });
  if (!reminder) return null;
  const { vehicle, ...due } = reminder;
  const { dueSoon, predictedMileage } = reminderStatus(due, vehicle.odometerReadings, now);
  return { ...due, predictedMileage, dueSoon };
}
