import type { PrismaClient } from '@garage/db';
import { assertEditable } from '../../work-orders/editing';
import { writtenDetail } from './detail';
import { lockWorkOrder } from './locks';
import { ensureTechnician } from './technicians';

/** The details staff may change; a field left undefined is not written, null clears it. */
export type WorkOrderDetails = {
  concern?: string | undefined;
  notes?: string | null | undefined;
  technicianId?: number | null | undefined;
  promisedAt?: Date | null | undefined;
};

/** Changes the named details of an open work order (CONFLICT once invoiced or cancelled). */
export async function updateWorkOrder(prisma: PrismaClient, id: number, fields: WorkOrderDetails) {
  await prisma.$transaction(async (tx) => {
    const current = await lockWorkOrder(tx, id);
    assertEditable(current.status);
    if (typeof fields.technicianId === 'number') await ensureTechnician(tx, fields.technicianId);
    await tx.workOrder.update({ where: { id }, data: fields });
  });
  return writtenDetail(prisma, id);
}
