import type { Prisma, PrismaClient } from '@garage/db';
import { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import { workOrderDetailSelect } from '../services/work-orders/selects';
import { toDetail } from '../services/work-orders/shape';

/** The shop as it was when the invoice was made: the settings snapshot invoicing recorded. */
const invoiceShop = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  currency: z.string(),
  timeZone: z.string(),
});

const invoiceSelect = {
  ...workOrderDetailSelect,
  invoiceSettings: true,
  customer: { select: { ...workOrderDetailSelect.customer.select, address: true } },
} satisfies Prisma.WorkOrderSelect;

/**
 * The invoice of work order `id` for `viewer`: staff and admins get any; a customer only the
 * invoices of work orders where they are the customer. Null when there is none to give, for
 * whichever reason (no such work order, not invoiced yet, not theirs): the caller answers
 * them all alike, so nothing tells which.
 */
export async function invoiceFor(prisma: PrismaClient, id: number, viewer: SessionUser) {
  const row = await prisma.workOrder.findUnique({ where: { id }, select: invoiceSelect });
  if (!row || row.invoiceNumber === null || row.invoicedAt === null) return null;
  if (viewer.role === 'customer' && row.customer.id !== viewer.customerId) return null;
  const { invoiceSettings, invoiceNumber, invoicedAt, customer, ...rest } = row;
  return {
    ...toDetail({ ...rest, customer, invoiceNumber, invoicedAt }),
    invoiceNumber,
    invoicedAt,
    customer,
    // Invoicing always records the snapshot: a row without one is broken, not "not found".
    shop: invoiceShop.parse(invoiceSettings),
  };
}

/** An invoice as the PDF shows it. */
export type Invoice = NonNullable<Awaited<ReturnType<typeof invoiceFor>>>;
