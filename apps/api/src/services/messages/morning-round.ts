import type { PrismaClient } from '@garage/db';
import { writeAppointmentReminders } from './appointment-messages';
import type { MessageAddresses } from './outbox';
import { writeServiceDueMessages } from './service-due';

/**
 * The morning round at `now`: in the shop's morning in its zone, the service-due messages and
 * tomorrow's appointment reminders not written yet; outside it, nothing. Every instance runs it
 * (each reminder's unique key lets one write win). Returns the customers of the messages it
 * wrote, one per message.
 */
export async function runMorningRound(
  prisma: PrismaClient,
  addresses: MessageAddresses,
  now: Date,
): Promise<number[]> {
  const serviceDue = await writeServiceDueMessages(prisma, addresses, now);
  return [...serviceDue, ...(await writeAppointmentReminders(prisma, addresses, now))];
}
