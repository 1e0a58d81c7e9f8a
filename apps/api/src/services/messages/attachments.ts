import type { MessageKind, PrismaClient } from '@garage/db';
import { invoiceFileName, invoiceFor } from '../../invoices/invoice';
import { renderInvoicePdf } from '../../invoices/pdf';
import type { MessageAttachment } from './mail-transport';

/**
 * The files a message carries, made when it is delivered from what the database holds, so the
 * outbox row keeps only text: an invoice's message carries the invoice's PDF, drawn by the code
 * that serves `/invoices/<id>.pdf` and as its customer would download it (the visibility rule
 * with the message's customer as viewer: never another customer's document).
 */
export async function attachmentsOf(
  prisma: PrismaClient,
  message: { kind: MessageKind; workOrderId: number | null; customerId: number },
): Promise<MessageAttachment[]> {
  if (message.kind !== 'invoice' || message.workOrderId === null) return [];
  const invoice = await invoiceFor(prisma, message.workOrderId, {
    role: 'customer',
    customerId: message.customerId,
  });
  if (!invoice) return [];
  return [
    {
      filename: invoiceFileName(invoice),
      contentType: 'application/pdf',
      content: await renderInvoicePdf(invoice),
    },
  ];
}
