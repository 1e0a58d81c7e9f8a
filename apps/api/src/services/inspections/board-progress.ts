import type { PrismaClient } from '@garage/db';
import { openStatuses } from '@garage/validators';
import { type InspectionProgress, progressOf } from '../../domain/inspections/grading';

/** The inspection progress of every open work order being inspected, for the board's cards. */
export async function boardInspectionProgress(
  prisma: PrismaClient,
): Promise<{ workOrderId: number; progress: InspectionProgress }[]> {
  const inspections = await prisma.inspection.findMany({
    where: { workOrder: { status: { in: [...openStatuses] } } },
    orderBy: { workOrderId: 'asc' },
    select: { workOrderId: true, items: { select: { grade: true } } },
  });
  return inspections.map(({ workOrderId, items }) => ({
    workOrderId,
    progress: progressOf(items),
  }));
}
