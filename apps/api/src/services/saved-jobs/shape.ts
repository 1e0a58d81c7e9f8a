import type { Prisma } from '@garage/db';
import type { LineKind } from '../../domain/work-orders/status';
import { canonicalQuantity } from '../work-orders/line-versions';

export const savedJobSelect = {
  id: true,
  name: true,
  make: true,
  model: true,
  yearFrom: true,
  yearTo: true,
  version: true,
  updatedAt: true,
  lines: {
    orderBy: { position: 'asc' },
    select: {
      kind: true,
      description: true,
      partNumber: true,
      quantity: true,
      unitPriceCents: true,
      taxRateBps: true,
    },
  },
} satisfies Prisma.SavedJobSelect;

type SavedJobRow = Prisma.SavedJobGetPayload<{ select: typeof savedJobSelect }>;

/** A saved job's line as the wire carries it: quantity as canonical decimal text. */
export type SavedJobLine = {
  kind: LineKind;
  description: string;
  partNumber: string | null;
  quantity: string;
  unitPriceCents: number;
  /** Null: the shop's rate when inserted. */
  taxRateBps: number | null;
};

export type SavedJob = Omit<SavedJobRow, 'lines'> & { lines: SavedJobLine[] };

export function toSavedJob(row: SavedJobRow): SavedJob {
  return {
    ...row,
    lines: row.lines.map((line) => ({
      ...line,
      quantity: canonicalQuantity(line.quantity.toString()),
    })),
  };
}
