import type { Prisma, PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import { linksOf } from './estimate-links';

/** A message as staff see it: what, to whom, and how its delivery stands, with its times. */
const messageRowSelect = {
  id: true,
  kind: true,
  channel: true,
  recipient: true,
  subject: true,
  status: true,
  reason: true,
  attempts: true,
  workOrderId: true,
  createdAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  sentAt: true,
  failedAt: true,
  sentBy: { select: { id: true, name: true } },
} satisfies Prisma.MessageSelect;

/** How many of the newest messages a list shows. */
const shown = 100;

/** A customer's email and choices: why a message would not go, before anyone sends one. */
async function reachOf(prisma: PrismaClient, customerId: number) {
  const customer = await prisma.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      email: true,
      messagePreference: { select: { remindersOptOut: true, marketingOptOut: true } },
    },
  });
  if (!customer) return null;
  return {
    customerId: customer.id,
    email: customer.email,
    remindersOptOut: customer.messagePreference?.remindersOptOut ?? false,
    marketingOptOut: customer.messagePreference?.marketingOptOut ?? false,
  };
}

/** A work order's messages, newest first, its estimate links, and its customer's reach. */
export async function messagesOfWorkOrder(prisma: PrismaClient, workOrderId: number) {
  const workOrder = await prisma.workOrder.findUnique({
    where: { id: workOrderId },
    select: { id: true, customerId: true },
  });
  if (!workOrder) throw AppError.notFound('work order');
  const [messages, links, reach] = await Promise.all([
    prisma.message.findMany({
      where: { workOrderId },
      orderBy: { id: 'desc' },
      take: shown,
      select: messageRowSelect,
    }),
    linksOf(prisma, workOrderId),
    reachOf(prisma, workOrder.customerId),
  ]);
  return { workOrderId, customerId: workOrder.customerId, messages, links, reach };
}

/** A customer's messages, newest first, and their reach (email, opt-outs). */
export async function messagesOfCustomer(prisma: PrismaClient, customerId: number) {
  const reach = await reachOf(prisma, customerId);
  if (!reach) throw AppError.notFound('customer');
  const messages = await prisma.message.findMany({
    where: { customerId },
    orderBy: { id: 'desc' },
    take: shown,
    select: messageRowSelect,
  });
  return { customerId, messages, reach };
}

/** Sets a customer's opt-outs (an omitted one stays); NOT_FOUND for no such customer. */
export async function setMessagePreferences(
  prisma: PrismaClient,
  request: {
    customerId: number;
    remindersOptOut?: boolean | undefined;
    marketingOptOut?: boolean | undefined;
  },
) {
  const { customerId, ...changes } = request;
  if (!(await reachOf(prisma, customerId))) throw AppError.notFound('customer');
  await prisma.messagePreference.upsert({
    where: { customerId },
    create: { customerId, ...changes },
    update: changes,
  });
  return messagesOfCustomer(prisma, customerId);
}
