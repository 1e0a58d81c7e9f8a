import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import { assertEditable } from '../../domain/work-orders/editing';
import { lockWorkOrder } from '../work-orders/locks';
import { inspectionOfWorkOrder } from './detail';

/**
 * Starts the inspection of an open work order from a template (the default one when none is
 * named), copying its items: a later edit of the template never changes an inspection. A work
 * order has one inspection; starting a second is a CONFLICT.
 */
export async function startInspection(
  prisma: PrismaClient,
  input: { workOrderId: number; templateId?: number | undefined },
) {
  await prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, input.workOrderId);
    assertEditable(workOrder.status);
    const existing = await tx.inspection.findUnique({
      where: { workOrderId: workOrder.id },
      select: { id: true },
    });
    if (existing) throw new AppError('CONFLICT', 'this work order is already being inspected');
    const template = await tx.inspectionTemplate.findFirst({
      where: input.templateId === undefined ? { isDefault: true } : { id: input.templateId },
      select: {
        id: true,
        name: true,
        items: {
          orderBy: { position: 'asc' },
          select: {
            position: true,
            section: true,
            label: true,
            unit: true,
            advisoryLimit: true,
            requiredLimit: true,
            savedJobId: true,
          },
        },
      },
    });
    if (!template) {
      throw input.templateId === undefined
        ? new AppError('CONFLICT', 'the shop has no default inspection template; name one')
        : AppError.badInput('templateId', 'is not an inspection template');
    }
    const { odometerIn } = await tx.workOrder.findUniqueOrThrow({
      where: { id: workOrder.id },
      select: { odometerIn: true },
    });
    await tx.inspection.create({
      data: {
        workOrderId: workOrder.id,
        vehicleId: workOrder.vehicleId,
        mileage: odometerIn,
        templateId: template.id,
        templateName: template.name,
        items: { create: template.items },
      },
    });
  });
  // Staff started it: they see the work order.
  return inspectionOfWorkOrder(prisma, input.workOrderId, { role: 'staff', customerId: null });
}
