import type { Prisma, PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { holdsTime } from '../../domain/schedule/appointment-status';
import { freeSlots } from '../../domain/schedule/free-slots';
import { spanOn } from '../../domain/schedule/hours';
import type { Interval } from '../../domain/schedule/intervals';
import { addDays, dayAt, plusMinutes } from '../../domain/schedule/shop-clock';
import { requireVisible } from '../../visibility/assert';
import { type Viewer, visibleTo } from '../../visibility/rules';
import type { MessageAddresses } from '../messages/outbox';
import { bookAppointment, type Touched } from './book';
import { loadBusyTime } from './bookings';
import { loadScheduleSettings, loadShopWeek } from './shop-week';
import { closeAppointment } from './transitions';

// The schedule as a customer sees it in the portal: free slots within the shop's opening hours
// (only the slots, never who holds the rest), a request for one (`requested` until staff
// confirm), their own appointments, and cancelling one up to the shop's cut-off.

/** The vehicle the customer asks about, through the one visibility rule. */
async function ownVehicle(prisma: PrismaClient, viewer: Viewer, vehicleId: number) {
  const vehicle = await prisma.vehicle.findFirst({
    where: { AND: [{ id: vehicleId }, visibleTo(viewer).vehicle] },
    select: { id: true },
  });
  return requireVisible(vehicle, viewer, 'vehicle');
}

/**
 * The free slots of `day`: the same for every customer, so cached per day for all of them.
 * None before now, none beyond the horizon the shop offers.
 */
export async function portalSlots(prisma: PrismaClient, day: string, now: Date) {
  const [week, settings] = await Promise.all([loadShopWeek(prisma), loadScheduleSettings(prisma)]);
  const today = dayAt(now, week.timeZone);
  const bays = week.bays.filter((bay) => bay.active);
  if (day < today || day > addDays(today, settings.portalHorizonDays) || bays.length === 0) {
    return { day, slots: [] };
  }
  const bookings = await loadBusyTime(prisma, week, day, 1, today);
  const busyOf = (bayId: number): Interval[] => [
    ...bookings.appointments
      .filter((row) => row.bayId === bayId && holdsTime(row.status))
      .map((row) => ({ start: row.startsAt, end: row.plannedEnd })),
    ...(bookings.carryOver[0] ?? []).filter((held) => held.bayId === bayId),
  ];
  const slots = freeSlots({
    opening: spanOn(day, week.opening, week.timeZone),
    lengthMinutes: settings.portalSlotMinutes,
    notBefore: now,
    busyByBay: bays.map((bay) => busyOf(bay.id)),
  });
  return { day, slots: slots.map((slot) => ({ startsAt: slot.start, endsAt: slot.end })) };
}

/** A request for a free slot: the first free bay takes it, `requested` until staff confirm. */
export async function requestSlot(
  prisma: PrismaClient,
  viewer: SessionUser,
  input: { vehicleId: number; startsAt: Date; concern: string; services?: string[] | undefined },
  now: Date,
  addresses: MessageAddresses,
) {
  await ownVehicle(prisma, viewer, input.vehicleId);
  const [week, settings] = await Promise.all([loadShopWeek(prisma), loadScheduleSettings(prisma)]);
  const endsAt = plusMinutes(input.startsAt, settings.portalSlotMinutes);
  const { slots } = await portalSlots(prisma, dayAt(input.startsAt, week.timeZone), now);
  if (!slots.some((slot) => slot.startsAt.getTime() === input.startsAt.getTime())) {
    throw AppError.onField(
      'CONFLICT',
      'startsAt',
      'is not a free slot: choose one of those offered',
    );
  }
  const bookings = await loadBusyTime(
    prisma,
    week,
    dayAt(input.startsAt, week.timeZone),
    1,
    dayAt(now, week.timeZone),
  );
  const taken = new Set([
    ...bookings.appointments
      .filter(
        (row) => holdsTime(row.status) && row.startsAt < endsAt && input.startsAt < row.plannedEnd,
      )
      .map((row) => row.bayId),
    ...(bookings.carryOver[0] ?? [])
      .filter((held) => held.start < endsAt && input.startsAt < held.end)
      .map((held) => held.bayId),
  ]);
  const bay = week.bays.find((each) => each.active && !taken.has(each.id));
  if (!bay)
    throw AppError.onField('CONFLICT', 'startsAt', 'this time was just taken: choose another');
  const requested = await bookAppointment(
    prisma,
    {
      vehicleId: input.vehicleId,
      concern: input.concern,
      services: input.services,
      startsAt: input.startsAt,
      endsAt,
      bayId: bay.id,
      channel: 'portal',
      status: 'requested',
    },
    viewer,
    now,
    addresses,
    { anonymousClash: true },
  );
  return asCustomerSees(prisma, requested);
}

/** What a customer sees of an appointment: their own vehicle, when, what, and its status. */
const portalAppointmentSelect = {
  customerId: true,
  id: true,
  version: true,
  status: true,
  startsAt: true,
  endsAt: true,
  concern: true,
  services: true,
  vehicle: { select: { id: true, plate: true, make: true, model: true } },
  workOrder: { select: { id: true, number: true } },
} satisfies Prisma.AppointmentSelect;

/** The customer's own appointments, upcoming first, then the last 20 past ones. */
export async function myAppointments(prisma: PrismaClient, viewer: Viewer) {
  const settings = await loadScheduleSettings(prisma);
  const appointments = await prisma.appointment.findMany({
    where: visibleTo(viewer).appointment,
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    take: 50,
    select: portalAppointmentSelect,
  });
  return { cutoffHours: settings.portalCutoffHours, appointments };
}

/** A customer's appointment after a write, as the portal shows it, with what the write touched. */
async function asCustomerSees(prisma: PrismaClient, written: { id: number; touched: Touched }) {
  const appointment = await prisma.appointment.findUniqueOrThrow({
    where: { id: written.id },
    select: portalAppointmentSelect,
  });
  return { ...appointment, touched: written.touched };
}

/** Cancels the customer's own appointment, refused within the shop's cut-off before its start. */
export async function cancelOwnAppointment(
  prisma: PrismaClient,
  viewer: SessionUser,
  input: { id: number; version: number },
  now: Date,
) {
  const appointment = requireVisible(
    await prisma.appointment.findFirst({
      where: { AND: [{ id: input.id }, visibleTo(viewer).appointment] },
      select: { startsAt: true },
    }),
    viewer,
    'appointment',
  );
  const settings = await loadScheduleSettings(prisma);
  if (appointment.startsAt.getTime() - now.getTime() < settings.portalCutoffHours * 3_600_000) {
    throw new AppError(
      'CONFLICT',
      `appointments can be cancelled here up to ${settings.portalCutoffHours} hours before: please call the shop`,
    );
  }
  return asCustomerSees(prisma, await closeAppointment(prisma, input, 'cancelled', viewer));
}
