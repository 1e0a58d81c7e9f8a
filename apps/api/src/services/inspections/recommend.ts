import type { PrismaClient } from '@garage/db';
import { fits } from '@garage/validators';
import { AppError } from '../../app-error';
import { isFinding } from '../../domain/inspections/grading';
import { linesOf } from '../saved-jobs/insert';
import { getSavedJob } from '../saved-jobs/list';
import { addLines } from '../work-orders/lines';

/**
 * Turns an advisory or required finding into lines on its work order, pending the customer's
 * decision like any other: the lines of the item's saved job when it has one that fits the
 * vehicle (priced), else one labour hour at the shop's rate named after the finding, to be
 * adjusted. A finding becomes lines once (CONFLICT after); an item graded ok or not yet, never.
 */
export async function recommendFinding(prisma: PrismaClient, itemId: number) {
  const item = await prisma.inspectionItem.findUnique({
    where: { id: itemId },
    select: {
      grade: true,
      label: true,
      note: true,
      savedJobId: true,
      inspection: {
        select: {
          workOrderId: true,
          workOrder: { select: { vehicle: { select: { make: true, model: true, year: true } } } },
        },
      },
    },
  });
  if (!item) throw AppError.notFound('inspection item');
  if (!isFinding(item.grade)) {
    throw AppError.badInput('itemId', 'is not a finding: grade it advisory or required first');
  }
  const job = item.savedJobId === null ? null : await getSavedJob(prisma, item.savedJobId);
  const { workOrderId, workOrder } = item.inspection;
  const priced = job && fits(job, workOrder.vehicle) ? linesOf(job) : null;
  const described = item.note ? `${item.label}: ${item.note}` : item.label;
  const lines = priced ?? [
    { kind: 'labor' as const, description: described.slice(0, 300), quantity: '1' },
  ];
  return addLines(prisma, workOrderId, lines, { findingId: itemId });
}
