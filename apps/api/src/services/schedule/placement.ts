import type { Prisma } from '@garage/db';
import { AppError } from '../../app-error';
import { outOfHoursReasons } from '../../domain/schedule/hours';
import { type Interval, overlaps } from '../../domain/schedule/intervals';
import { clockLabel, dayAt, daysTouched } from '../../domain/schedule/shop-clock';
import { loadCarryOver } from './bookings';
import type { ShopWeek } from './shop-week';

// Where and when an appointment may go, checked inside the booking's transaction before it
// writes: an active bay, a technician of the shop, within hours (or overridden), and clear of
// cars still in the shop. Two appointments over one slot are refused by the database itself.

export type Placement = {
  interval: Interval;
  bayId: number | null;
  technicianId: number | null;
  allowOutOfHours: boolean;
};

/** Refuses a placement the schedule does not allow; answers whether it is out of hours. */
export async function checkPlacement(
  tx: Prisma.TransactionClient,
  week: ShopWeek,
  placement: Placement,
  now: Date,
): Promise<{ outOfHours: boolean }> {
  const { interval, bayId, technicianId } = placement;
  if (bayId !== null && !week.bays.some((bay) => bay.id === bayId && bay.active)) {
    throw AppError.badInput('bayId', 'is not an active bay of the shop');
  }
  const technician = week.technicians.find((each) => each.id === technicianId);
  if (technicianId !== null && !technician) {
    throw AppError.badInput('technicianId', 'is not a technician of the shop');
  }
  const reasons = outOfHoursReasons(
    interval,
    week.timeZone,
    week.opening,
    technician && { name: technician.name, week: technician.week },
  );
  if (reasons.length > 0 && !placement.allowOutOfHours) {
    throw AppError.onField(
      'CONFLICT',
      'allowOutOfHours',
      `${reasons.join(' and ')}: book it anyway only on purpose (allowOutOfHours)`,
    );
  }
  if (bayId !== null) await checkCarryOver(tx, week, interval, bayId, now);
  return { outOfHours: reasons.length > 0 };
}

/** Refuses a booking of a bay a car still in the shop holds on the days it touches. */
async function checkCarryOver(
  tx: Prisma.TransactionClient,
  week: ShopWeek,
  interval: Interval,
  bayId: number,
  now: Date,
) {
  const days = daysTouched(interval.start, interval.end, week.timeZone);
  const first = days[0] ?? dayAt(interval.start, week.timeZone);
  const { carryOver } = await loadCarryOver(
    tx,
    week,
    first,
    days.length,
    dayAt(now, week.timeZone),
  );
  const held = carryOver.flat().find((hold) => hold.bayId === bayId && overlaps(hold, interval));
  if (held) {
    throw AppError.onField(
      'CONFLICT',
      'bayId',
      `the bay is held until ${clockLabel(held.end, week.timeZone)} by ${held.workOrder.number}, still in the shop`,
    );
  }
}
