import type { Prisma } from './generated/prisma/client';

/**
 * Takes the next invoice number inside the caller's invoicing transaction. The counter row stays
 * locked until that transaction ends, so concurrent invoices queue here and get consecutive
 * numbers, and a transaction that rolls back gives its number back: no gaps, unlike a sequence.
 */
export async function takeInvoiceNumber(tx: Prisma.TransactionClient): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceCounter" ("id", "last") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "last" = "InvoiceCounter"."last" + 1
    RETURNING "last"`;
  const taken = rows[0]?.last;
  if (taken === undefined) throw new Error('the invoice counter returned no row');
  return taken;
}
