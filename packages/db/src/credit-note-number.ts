import type { Prisma } from './generated/prisma/client';

/**
 * Takes the next credit note number inside the caller's crediting transaction: a series of its
 * own, gapless like invoice numbers (see takeInvoiceNumber). The counter row stays locked until
 * that transaction ends, and one that rolls back gives its number back.
 */
export async function takeCreditNoteNumber(tx: Prisma.TransactionClient): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "CreditNoteCounter" ("id", "last") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "last" = "CreditNoteCounter"."last" + 1
    RETURNING "last"`;
  const taken = rows[0]?.last;
  if (taken === undefined) throw new Error('the credit note counter returned no row');
  return taken;
}
