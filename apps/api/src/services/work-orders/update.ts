import type { Prisma, PrismaClient } from '@garage/db';
import { assertEditable } from '../../domain/work-orders/editing';
import { applyEdit, type Stored } from '../versions';
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

/**
 * Changes the named details of an open work order (CONFLICT once invoiced or cancelled) still
 * at `version`: details changed since are a CONFLICT naming them, nothing written. Status moves,
 * decisions, lines and payments leave the version alone, so they never refuse a details save.
 */
export async function updateWorkOrder(
  prisma: PrismaClient,
  id: number,
  version: number,
  fields: WorkOrderDetails,
  byId: number,
) {
  await prisma.$transaction(async (tx) => {
    const current = await lockWorkOrder(tx, id);
    assertEditable(current.status);
    await applyEdit(tx, {
      ...versionedDetails(tx, id, version),
      changes: fields,
      byId,
      write: async (data) => {
        if (typeof data.technicianId === 'number') await ensureTechnician(tx, data.technicianId);
        return tx.workOrder.updateMany({ where: { id, version }, data });
      },
    });
  });
  return writtenDetail(prisma, id);
}

/** The details of a work order as stored, with its technician's name. */
function versionedDetails(tx: Prisma.TransactionClient, id: number, basedOn: number) {
  return {
    record: 'work_order' as const,
    noun: 'work order',
    id,
    basedOn,
    load: async (): Promise<Stored<Required<WorkOrderDetails>> | null> => {
      const row = await tx.workOrder.findUnique({
        where: { id },
        select: {
          version: true,
          concern: true,
          notes: true,
          technicianId: true,
          promisedAt: true,
          technician: { select: { name: true } },
        },
      });
      if (!row) return null;
      const { version, technician, ...values } = row;
      return { version, values, names: technician ? { technicianId: technician.name } : {} };
    },
  };
}
