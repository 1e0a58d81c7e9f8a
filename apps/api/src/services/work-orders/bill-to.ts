import type { Prisma } from '@garage/db';
import type { BillTo } from '../../invoices/document';

/**
 * Who and what an invoice bills, read inside the invoicing transaction: the customer's name,
 * address, email and phone, the vehicle, and the odometer, as they are at that moment. The
 * invoice keeps them: a later rename, move or new plate never reaches it.
 */
export async function billToOf(tx: Prisma.TransactionClient, workOrderId: number): Promise<BillTo> {
  const row = await tx.workOrder.findUniqueOrThrow({
    where: { id: workOrderId },
    select: {
      odometerIn: true,
      odometerOut: true,
      customer: { select: { name: true, address: true, email: true, phone: true } },
      vehicle: { select: { plate: true, vin: true, make: true, model: true, year: true } },
    },
  });
  return row;
}
