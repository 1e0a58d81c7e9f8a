import type { Prisma } from '@garage/db';
import type { LineKind } from '../../domain/work-orders/status';
import { parseQuantity } from '../../domain/work-orders/totals';
import type { Stored } from '../versions';

/** What staff edit of a line, as an edit compares it (its decision is not among them). */
export type LineValues = {
  kind: LineKind;
  description: string;
  partNumber: string | null;
  /** Canonical decimal text: see `canonicalQuantity`. */
  quantity: string;
  unitPriceCents: number;
  taxRateBps: number;
};

/**
 * A quantity's text as the database gives it back ("1.50" and "01.5" are "1.5", "4.00" is
 * "4"), so an edit tells a new quantity from the same one written differently.
 */
export function canonicalQuantity(text: string): string {
  const hundredths = parseQuantity(text);
  const whole = hundredths / 100n;
  const fraction = hundredths % 100n;
  if (fraction === 0n) return String(whole);
  return `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/** A line as a versioned record (optimistic concurrency), for applyEdit and applyRemoval. */
export function versionedLine(tx: Prisma.TransactionClient, id: number, basedOn: number) {
  return {
    record: 'work_order_line' as const,
    noun: 'work order line',
    id,
    basedOn,
    load: async (): Promise<Stored<LineValues> | null> => {
      const row = await tx.workOrderLine.findUnique({
        where: { id },
        select: {
          version: true,
          kind: true,
          description: true,
          partNumber: true,
          quantity: true,
          unitPriceCents: true,
          taxRateBps: true,
        },
      });
      if (!row) return null;
      const { version, quantity, ...values } = row;
      return { version, values: { ...values, quantity: canonicalQuantity(quantity.toString()) } };
    },
  };
}
