import { randomUUID } from 'node:crypto';
import { loadShopSettings, type MessageChannel, type MessageKind, type Prisma } from '@garage/db';
import { formatMoney } from '@garage/validators';
import { notSentReason } from '../../domain/messages/delivery';
import { renderMessage, secretLinkMark } from '../../domain/messages/render';
import type { PlaceholderValues } from '../../domain/messages/templates';
import { shownTotals } from '../../domain/work-orders/totals';
import { pricedLineSelect } from '../work-orders/selects';
import { pricedLine } from '../work-orders/shape';
import { templateOf } from './templates';

/** A message to write to the outbox, inside the transaction of the change that causes it. */
export interface OutboxEntry {
  kind: MessageKind;
  customerId: number;
  workOrderId?: number;
  /** A service-due message's reminder: one message per reminder. */
  serviceReminderId?: number;
  /** An appointment's confirmation or reminder. */
  appointmentId?: number;
  /** What makes the message one of a kind (an appointment's reminder for its day): written once. */
  onceKey?: string;
  /** How it reaches the customer (email when not said). */
  channel?: MessageChannel;
  /** Staff who wrote it (a manual message). */
  sentById?: number;
  /** Values of the message's own placeholders (a service, a due date, staff's words...). */
  values?: PlaceholderValues;
  /** A link anyone holding it may open (an estimate link): delivered, never stored in the bodies. */
  secretLink?: string;
}

/** Where the messages' links point: the web app's public address, and the mail domain. */
export interface MessageAddresses {
  /** The web app as customers reach it, e.g. https://garage.example (no trailing slash). */
  webUrl: string;
  /** The domain of Message-ID headers. */
  domain: string;
}

/** The link each kind carries to its work order: the portal's page, the invoice's PDF. */
const workOrderLinks: Partial<Record<MessageKind, (webUrl: string, id: number) => string>> = {
  ready: (webUrl, id) => `${webUrl}/portal/work-orders/${id}`,
  invoice: (webUrl, id) => `${webUrl}/invoices/${id}.pdf`,
  manual: (webUrl, id) => `${webUrl}/portal/work-orders/${id}`,
};

/** "2015 Toyota Prius (AB12 CDE)". */
export function vehicleName(vehicle: { year: number; make: string; model: string; plate: string }) {
  return `${vehicle.year} ${vehicle.make} ${vehicle.model} (${vehicle.plate})`;
}

/** The placeholders a work order fills: its number, vehicle and total in the shop's money. */
async function workOrderValues(
  tx: Prisma.TransactionClient,
  workOrderId: number,
  money: { currency: string; locale: string },
): Promise<PlaceholderValues> {
  const workOrder = await tx.workOrder.findUniqueOrThrow({
    where: { id: workOrderId },
    select: {
      number: true,
      vehicle: { select: { year: true, make: true, model: true, plate: true } },
      lines: { select: pricedLineSelect },
    },
  });
  const { totalCents } = shownTotals(workOrder.lines.map(pricedLine));
  return {
    workOrder: workOrder.number,
    vehicle: vehicleName(workOrder.vehicle),
    total: totalCents === null ? '' : formatMoney(totalCents, money),
  };
}

/** The kinds of message the shop turned off in settings. */
async function kindsOff(tx: Prisma.TransactionClient): Promise<Set<MessageKind>> {
  const rows = await tx.messageKindOff.findMany({ select: { kind: true } });
  return new Set(rows.map((row) => row.kind));
}

/**
 * Writes one message to the outbox with `tx`, the transaction of the change that causes it: it
 * commits with that change or not at all. It is rendered now, from the shop's template, and
 * queued for the delivery worker; or kept as not sent, saying why (the shop turned its kind off,
 * nothing on file for its channel, the customer opted out of reminders), so staff see it instead
 * of nothing. A message whose `onceKey` was written already is not written again (null).
 */
export async function writeMessage(
  tx: Prisma.TransactionClient,
  entry: OutboxEntry,
  addresses: MessageAddresses,
) {
  // One after another: a transaction's queries share its one connection.
  const shop = await loadShopSettings(tx);
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: entry.customerId },
    select: {
      name: true,
      email: true,
      phone: true,
      messagePreference: { select: { remindersOptOut: true, marketingOptOut: true } },
    },
  });
  const template = await templateOf(tx, entry.kind);
  const linkTo = workOrderLinks[entry.kind];
  const values: PlaceholderValues = {
    customer: customer.name,
    shop: shop.name,
    shopPhone: shop.phone,
    ...(entry.workOrderId ? await workOrderValues(tx, entry.workOrderId, shop) : {}),
    ...(entry.workOrderId && linkTo ? { link: linkTo(addresses.webUrl, entry.workOrderId) } : {}),
    ...entry.values,
    ...(entry.secretLink ? { link: secretLinkMark } : {}),
  };
  const rendered = renderMessage(template, values);
  const channel = entry.channel ?? 'email';
  const recipient = channel === 'email' ? customer.email : customer.phone;
  const reason = notSentReason(
    { kind: entry.kind, channel, recipient },
    await kindsOff(tx),
    customer.messagePreference,
  );
  const written = await tx.message.createManyAndReturn({
    data: [
      {
        kind: entry.kind,
        customerId: entry.customerId,
        workOrderId: entry.workOrderId ?? null,
        serviceReminderId: entry.serviceReminderId ?? null,
        appointmentId: entry.appointmentId ?? null,
        onceKey: entry.onceKey ?? null,
        channel,
        sentById: entry.sentById ?? null,
        recipient,
        ...rendered,
        pendingLink: reason ? null : (entry.secretLink ?? null),
        status: reason ? 'not_sent' : 'queued',
        reason,
        messageId: `<${randomUUID()}@${addresses.domain}>`,
      },
    ],
    // A reminder's message is written once, whichever instance's round gets there first
    // (its service reminder or its once-key is unique).
    skipDuplicates: true,
    select: { id: true, status: true, reason: true },
  });
  return written[0] ?? null;
}
