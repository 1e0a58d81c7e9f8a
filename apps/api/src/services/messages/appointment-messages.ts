import { loadShopSettings, type Prisma, type PrismaClient } from '@garage/db';
import { isShopMorning } from '../../domain/messages/delivery';
import type { PlaceholderValues } from '../../domain/messages/templates';
import { addDays, dayAt, dayBounds } from '../../domain/schedule/shop-clock';
import { type MessageAddresses, vehicleName, writeMessage } from './outbox';

// An appointment's messages: its confirmation, written in the transaction that makes it
// `booked`, and its reminder the day before, written by the morning round.

/** The appointment's placeholders: its vehicle, and its day and time in the shop's zone and locale. */
async function appointmentValues(
  db: Pick<Prisma.TransactionClient, 'shopSettings' | 'appointment'>,
  appointmentId: number,
) {
  const { timeZone, locale } = await loadShopSettings(db);
  const appointment = await db.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    select: {
      customerId: true,
      startsAt: true,
      draftVehicle: true,
      vehicle: { select: { year: true, make: true, model: true, plate: true } },
    },
  });
  const values: PlaceholderValues = {
    vehicle: appointment.vehicle
      ? vehicleName(appointment.vehicle)
      : (appointment.draftVehicle ?? ''),
    appointmentDay: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(
      appointment.startsAt,
    ),
    appointmentTime: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(
      appointment.startsAt,
    ),
  };
  return { customerId: appointment.customerId, values };
}

/**
 * Writes the confirmation of appointment `appointmentId`, just made `booked`, with `tx`: it
 * commits with the booking or not at all. A caller drafted on the phone has no customer record
 * to write to yet (null): the front desk told them on the phone.
 */
export async function writeAppointmentConfirmation(
  tx: Prisma.TransactionClient,
  appointmentId: number,
  addresses: MessageAddresses,
) {
  const { customerId, values } = await appointmentValues(tx, appointmentId);
  if (customerId === null) return null;
  return writeMessage(
    tx,
    { kind: 'appointment_confirmation', customerId, appointmentId, values },
    addresses,
  );
}

/**
 * The morning round's reminders: during the shop's morning in its zone, one reminder per
 * appointment booked for tomorrow (its day in the shop's zone), each in its own transaction.
 * Its once-key names the appointment and the day, so several instances' rounds write it once,
 * and an appointment moved to another day is reminded of for its new day. Requested, cancelled
 * and no-show appointments get none. Returns the customers of the messages it wrote, one per
 * message.
 */
export async function writeAppointmentReminders(
  prisma: PrismaClient,
  addresses: MessageAddresses,
  now: Date,
): Promise<number[]> {
  const { timeZone } = await loadShopSettings(prisma);
  if (!isShopMorning(now, timeZone)) return [];
  const tomorrow = addDays(dayAt(now, timeZone), 1);
  const { start, end } = dayBounds(tomorrow, timeZone);
  const onceKey = (id: number) => `appointment-reminder:${id}:${tomorrow}`;
  const due = await prisma.appointment.findMany({
    where: { status: 'booked', customerId: { not: null }, startsAt: { gte: start, lt: end } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const done = new Set(
    (
      await prisma.message.findMany({
        where: { onceKey: { in: due.map((appointment) => onceKey(appointment.id)) } },
        select: { onceKey: true },
      })
    ).map((message) => message.onceKey),
  );
  const written: number[] = [];
  for (const { id } of due) {
    if (done.has(onceKey(id))) continue;
    const reminded = await prisma.$transaction(async (tx) => {
      const { customerId, values } = await appointmentValues(tx, id);
      if (customerId === null) return null;
      const message = await writeMessage(
        tx,
        {
          kind: 'appointment_reminder',
          customerId,
          appointmentId: id,
          onceKey: onceKey(id),
          values,
        },
        addresses,
      );
      return message ? customerId : null;
    });
    if (reminded !== null) written.push(reminded);
  }
  return written;
}
