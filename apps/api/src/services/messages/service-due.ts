import { loadShopSettings, type PrismaClient } from '@garage/db';
import { isShopMorning } from '../../domain/messages/delivery';
import { type DueSoonRow, dueSoonReminders } from '../reminders/due-soon';
import { type MessageAddresses, vehicleName, writeMessage } from './outbox';

/** "by 28 December 2026", "at 60,000 on the odometer", or both: when a service is due. */
function whenDue(reminder: DueSoonRow, locale: string): string {
  const parts: string[] = [];
  if (reminder.dueDate) {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    parts.push(`by ${day.format(new Date(`${reminder.dueDate}T00:00:00Z`))}`);
  }
  if (reminder.dueMileage !== null) {
    parts.push(`at ${new Intl.NumberFormat(locale).format(reminder.dueMileage)} on the odometer`);
  }
  return parts.join(' or ');
}

/**
 * The morning round: during the shop's morning in its zone, writes one service-due message per
 * reminder on the due-soon list that has none yet (each in its own transaction). Several
 * instances may run it at once: the reminder's unique message lets one write win. Returns the
 * customers of the messages it wrote, one per message.
 */
export async function writeServiceDueMessages(
  prisma: PrismaClient,
  addresses: MessageAddresses,
  now = new Date(),
): Promise<number[]> {
  const { timeZone, locale } = await loadShopSettings(prisma);
  if (!isShopMorning(now, timeZone)) return [];
  const written: number[] = [];
  let cursor: number | undefined;
  do {
    const page = await dueSoonReminders(prisma, { cursor, limit: 100 }, now);
    const done = new Set(
      (
        await prisma.message.findMany({
          where: { serviceReminderId: { in: page.items.map((reminder) => reminder.id) } },
          select: { serviceReminderId: true },
        })
      ).map((message) => message.serviceReminderId),
    );
    for (const reminder of page.items) {
      if (done.has(reminder.id)) continue;
      const message = await prisma.$transaction((tx) =>
        writeMessage(
          tx,
          {
            kind: 'service_due',
            customerId: reminder.customer.id,
            serviceReminderId: reminder.id,
            values: {
              vehicle: vehicleName(reminder.vehicle),
              service: reminder.description,
              dueDate: whenDue(reminder, locale),
            },
          },
          addresses,
        ),
      );
      if (message) written.push(reminder.customer.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return written;
}
