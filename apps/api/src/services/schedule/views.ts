import type { PrismaClient } from '@garage/db';
import { holdsTime } from '../../domain/schedule/appointment-status';
import { type Capacity, capacityOf } from '../../domain/schedule/capacity';
import { spanOn, workingSpanOn } from '../../domain/schedule/hours';
import { type Interval, overlaps } from '../../domain/schedule/intervals';
import { dayAt, dayBounds, hourMarks } from '../../domain/schedule/shop-clock';
import { type BusyTime, type CarryOver, loadBookings, loadBusyTime } from './bookings';
import { loadShopWeek, type ShopWeek } from './shop-week';

// The staff's schedule: one day (a column per bay, or per technician) and a week of capacity.
// Neither depends on the time of the read (overdue is the screen's judgement), so both cache.

/** What capacity counts of an appointment (the day view's rows have more). */
type Timed = BusyTime['appointments'][number];

/** Busy time of the day's appointments that hold time, and of its carry-over, by `key`. */
function busyBy(
  appointments: readonly Timed[],
  carryOver: readonly CarryOver[],
  key: (item: { bayId: number | null; technicianId: number | null }) => number | null,
) {
  const busy = new Map<number, Interval[]>();
  const add = (id: number | null, interval: Interval) => {
    if (id === null) return;
    busy.set(id, [...(busy.get(id) ?? []), interval]);
  };
  for (const appointment of appointments) {
    if (holdsTime(appointment.status)) {
      add(key(appointment), { start: appointment.startsAt, end: appointment.plannedEnd });
    }
  }
  for (const held of carryOver) add(key(held), held);
  return busy;
}

/** Each bay's and technician's capacity on `day`. */
function capacities(
  week: ShopWeek,
  day: string,
  appointments: readonly Timed[],
  carryOver: readonly CarryOver[],
) {
  const byBay = busyBy(appointments, carryOver, (item) => item.bayId);
  const byTechnician = busyBy(appointments, carryOver, (item) => item.technicianId);
  const opening = spanOn(day, week.opening, week.timeZone);
  return {
    bays: week.bays
      .filter((bay) => bay.active)
      .map((bay) => ({ id: bay.id, ...capacityOf(opening, byBay.get(bay.id) ?? []) })),
    technicians: week.technicians.map((technician) => ({
      id: technician.id,
      ...capacityOf(
        workingSpanOn(day, technician.week, week.timeZone),
        byTechnician.get(technician.id) ?? [],
      ),
    })),
  };
}

const total = (rows: readonly Capacity[]): Capacity => ({
  availableMinutes: rows.reduce((sum, row) => sum + row.availableMinutes, 0),
  bookedMinutes: rows.reduce((sum, row) => sum + row.bookedMinutes, 0),
});

/** The appointments and carry-over touching `day`, by bay and technician, on the shop's clock. */
export async function scheduleDay(prisma: PrismaClient, day: string, now: Date) {
  const week = await loadShopWeek(prisma);
  const today = dayAt(now, week.timeZone);
  const bookings = await loadBookings(prisma, week, day, 1, today);
  const carryOver = bookings.carryOver[0] ?? [];
  const bounds = dayBounds(day, week.timeZone);
  const appointments = bookings.appointments.filter((row) =>
    overlaps({ start: row.startsAt, end: row.plannedEnd }, bounds),
  );
  return {
    day,
    timeZone: week.timeZone,
    ...bounds,
    hours: hourMarks(day, week.timeZone),
    opening: spanOn(day, week.opening, week.timeZone),
    bays: week.bays.filter((bay) => bay.active).map(({ id, name }) => ({ id, name })),
    technicians: week.technicians.map((technician) => ({
      id: technician.id,
      name: technician.name,
      working: workingSpanOn(day, technician.week, week.timeZone),
      dayOff: technician.week.daysOff.has(day),
    })),
    appointments,
    carryOver,
    capacity: capacities(week, day, appointments, carryOver),
    workOrderIds: workOrdersShaping(appointments, bookings.inShop),
  };
}

/** The work orders whose changes (status, approved labour) may change what a view shows. */
const workOrdersShaping = (appointments: readonly Timed[], inShop: readonly number[]) => [
  ...new Set([
    ...appointments.flatMap((row) => (row.workOrder ? [row.workOrder.id] : [])),
    ...inShop,
  ]),
];

/** Seven days from `start`: per day, each bay's and technician's booked and available minutes. */
export async function scheduleWeek(prisma: PrismaClient, start: string, now: Date) {
  const week = await loadShopWeek(prisma);
  const bookings = await loadBusyTime(prisma, week, start, 7, dayAt(now, week.timeZone));
  const days = bookings.days.map((day, index) => {
    const bounds = dayBounds(day, week.timeZone);
    const appointments = bookings.appointments.filter((row) =>
      overlaps({ start: row.startsAt, end: row.plannedEnd }, bounds),
    );
    const capacity = capacities(week, day, appointments, bookings.carryOver[index] ?? []);
    return {
      day,
      hours: Math.round((bounds.end.getTime() - bounds.start.getTime()) / 3_600_000),
      appointments: appointments.filter((row) => row.status !== 'no_show').length,
      noShows: appointments.filter((row) => row.status === 'no_show').length,
      ...capacity,
      total: { bays: total(capacity.bays), technicians: total(capacity.technicians) },
    };
  });
  return {
    start,
    timeZone: week.timeZone,
    bays: week.bays.filter((bay) => bay.active).map(({ id, name }) => ({ id, name })),
    technicians: week.technicians.map(({ id, name }) => ({ id, name })),
    days,
    workOrderIds: workOrdersShaping(bookings.appointments, bookings.inShop),
  };
}
