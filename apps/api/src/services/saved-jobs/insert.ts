import type { PrismaClient } from '@garage/db';
import { describeFitment, fits } from '@garage/validators';
import { AppError } from '../../app-error';
import { addLines, type LineOrigin } from '../work-orders/lines';
import { getSavedJob } from './list';
import type { SavedJob } from './shape';

/** A saved job's lines as new work-order lines: its prices, the shop's tax rate where it has none. */
export function linesOf(job: SavedJob) {
  return job.lines.map((line) => ({
    kind: line.kind,
    description: line.description,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    taxRateBps: line.taxRateBps ?? undefined,
    partNumber: line.partNumber,
  }));
}

/**
 * Inserts a saved job's lines at the end of an open work order, in one transaction, each
 * pending the customer's decision and adjustable afterwards like a typed line. A job whose
 * fitment leaves out the work order's vehicle is refused, naming `savedJobId`.
 */
export async function insertSavedJob(
  prisma: PrismaClient,
  workOrderId: number,
  savedJobId: number,
  origin: LineOrigin = {},
) {
  const [job, workOrder] = await Promise.all([
    getSavedJob(prisma, savedJobId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw AppError.badInput('savedJobId', 'is not a saved job');
      }
      throw error;
    }),
    prisma.workOrder.findUnique({
      where: { id: workOrderId },
      select: { vehicle: { select: { make: true, model: true, year: true } } },
    }),
  ]);
  if (!workOrder) throw AppError.notFound('work order');
  if (!fits(job, workOrder.vehicle)) {
    throw AppError.badInput('savedJobId', `fits ${describeFitment(job)} only`);
  }
  return addLines(prisma, workOrderId, linesOf(job), origin);
}
