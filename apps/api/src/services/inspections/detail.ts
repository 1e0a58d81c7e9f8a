import type { Prisma, PrismaClient } from '@garage/db';
import { progressOf } from '../../domain/inspections/grading';
import { requireVisible } from '../../visibility/assert';
import { type Viewer, visibleTo } from '../../visibility/rules';
import { numberOf } from './decimal';

const inspectionSelect = {
  id: true,
  workOrderId: true,
  vehicleId: true,
  mileage: true,
  templateName: true,
  createdAt: true,
  items: {
    orderBy: { position: 'asc' },
    select: {
      id: true,
      section: true,
      label: true,
      unit: true,
      advisoryLimit: true,
      requiredLimit: true,
      grade: true,
      measurement: true,
      note: true,
      gradedAt: true,
      version: true,
      // Its id only: the saved job's name and prices live in its own list (a rename reaches no
      // inspection).
      savedJobId: true,
      photos: {
        orderBy: { id: 'asc' },
        select: { id: true, width: true, height: true },
      },
      lines: { orderBy: { position: 'asc' }, select: { id: true, approval: true } },
    },
  },
} satisfies Prisma.InspectionSelect;

type InspectionRow = Prisma.InspectionGetPayload<{ select: typeof inspectionSelect }>;

function toInspection(row: InspectionRow) {
  const items = row.items.map((item) => ({
    ...item,
    advisoryLimit: numberOf(item.advisoryLimit),
    requiredLimit: numberOf(item.requiredLimit),
    measurement: item.measurement === null ? null : item.measurement.toString(),
  }));
  return { ...row, items, progress: progressOf(items) };
}

export type InspectionDetail = ReturnType<typeof toInspection>;

/**
 * The inspection of a work order `viewer` may see (null while none is started); the visibility
 * rule's one answer for a work order they may not see, whether it exists or not. Its findings
 * show the lines they became, which the customer decides on in the portal.
 */
export async function inspectionOfWorkOrder(
  prisma: PrismaClient,
  workOrderId: number,
  viewer: Viewer,
): Promise<{ workOrderId: number; inspection: InspectionDetail | null }> {
  const visible = visibleTo(viewer);
  const workOrder = await prisma.workOrder.findUnique({
    where: { id: workOrderId, AND: visible.workOrder },
    select: { id: true, inspection: { select: inspectionSelect } },
  });
  const found = requireVisible(workOrder, viewer, 'work order');
  return {
    workOrderId: found.id,
    inspection: found.inspection ? toInspection(found.inspection) : null,
  };
}
