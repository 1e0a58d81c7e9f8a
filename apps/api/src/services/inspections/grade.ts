import type { InspectionGrade, PrismaClient } from '@garage/db';
import { assertShown } from '../../domain/inspections/grading';
import { applyEdit, type Stored } from '../versions';
import { lockItem } from './items';

type ItemFields = {
  grade: InspectionGrade | null;
  measurement: string | null;
  note: string | null;
};

export type ItemChanges = { [Field in keyof ItemFields]?: ItemFields[Field] | undefined };

/** What a grading changed, for the tags it invalidates. */
export type GradedItem = {
  workOrderId: number;
  vehicleId: number;
  /** Whether its measurement or grade joined the vehicle's measurements (a measured item's). */
  movedMeasurements: boolean;
  /** The item's version now: the phone's next save of it goes on top of this one. */
  version: number;
};

/**
 * Grades an item of an open work order's inspection: its grade, measurement and note, as named,
 * if the item is still at `version` (CONFLICT naming what changed otherwise; two technicians
 * on one car do not overwrite each other). `required` needs a photo of the item first.
 */
export async function gradeItem(
  prisma: PrismaClient,
  input: { id: number; version: number } & ItemChanges,
  byId: number,
): Promise<GradedItem> {
  const { id, version, ...changes } = input;
  return prisma.$transaction(async (tx) => {
    const item = await lockItem(tx, id);
    assertShown(changes.grade === undefined ? item.grade : changes.grade, item._count.photos);
    const changed = await applyEdit(tx, {
      record: 'inspection_item',
      noun: 'inspection item',
      id,
      basedOn: version,
      load: async (): Promise<Stored<ItemFields> | null> => {
        const row = await tx.inspectionItem.findUnique({
          where: { id },
          select: { version: true, grade: true, measurement: true, note: true },
        });
        if (!row) return null;
        const { version: current, measurement, ...values } = row;
        return {
          version: current,
          values: { ...values, measurement: measurement?.toString() ?? null },
        };
      },
      changes,
      byId,
      write: (data) =>
        tx.inspectionItem.updateMany({
          where: { id, version },
          data: { ...data, gradedById: byId, gradedAt: new Date() },
        }),
    });
    const moved = changed.includes('measurement') || changed.includes('grade');
    return {
      ...item.inspection,
      movedMeasurements: item.unit !== null && moved,
      version: changed.length > 0 ? version + 1 : version,
    };
  });
}
