import { type ShownTotals, shownTotals } from '../../domain/work-orders/totals';
import type { SavedJob } from './shape';

/** A saved job offered for a service, with what its lines add to a work order today. */
export type PricedSavedJob = { id: number; name: string } & ShownTotals;

/**
 * A saved job's totals as inserted now: each line priced as a typed line is (the shop's tax
 * rate where the line names none), summed as a work order sums its lines.
 */
export function pricedSavedJob(job: SavedJob, defaultTaxRateBps: number): PricedSavedJob {
  const lines = job.lines.map((line) => ({
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    taxRateBps: line.taxRateBps ?? defaultTaxRateBps,
    approval: 'pending' as const,
  }));
  return { id: job.id, name: job.name, ...shownTotals(lines) };
}
