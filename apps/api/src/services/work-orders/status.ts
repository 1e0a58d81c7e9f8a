import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import type { WorkOrderStatus } from '../../domain/work-orders/status';
import { decideTransition } from '../../domain/work-orders/transitions';
import { type MessageAddresses, writeMessage } from '../messages/outbox';
import { writtenDetail } from './detail';
import { lockVehicle, lockWorkOrder } from './locks';
import { moneyState } from './money-state';
import { type RecordedReading, recordReading } from './odometer';

export type StatusRequest = {
  id: number;
  status: WorkOrderStatus;
  /** The odometer when the car leaves (or at this step), recorded in the vehicle's log. */
  odometerOut?: number | undefined;
  /** `odometerOut` is below the vehicle's mileage on purpose. */
  odometerCorrection: boolean;
};

/**
 * Moves a work order as staff ask, through the one transition function (CONFLICT naming the
 * current status for a move it refuses; a cancellation while money is paid on it among them), writing the status change and, when given, the
 * odometer-out reading, in one transaction under the work order's row lock; a move to ready
 * writes the customer's message in that transaction too.
 */
export async function setWorkOrderStatus(
  prisma: PrismaClient,
  request: StatusRequest,
  by: SessionUser,
  addresses: MessageAddresses,
) {
  const { statusMove, recordedReading, message } = await prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, request.id);
    const { lines, paidCents } = await moneyState(tx, workOrder.id);
    const statusMove = decideTransition(
      { status: workOrder.status, lines, paidCents },
      request.status,
      'staff',
    );
    let recordedReading: RecordedReading | null = null;
    if (request.odometerOut !== undefined) {
      const vehicle = await lockVehicle(tx, workOrder.vehicleId);
      // A work order's vehicle cannot be deleted (the foreign key restricts it).
      if (!vehicle) throw AppError.notFound('vehicle');
      recordedReading = await recordReading(tx, {
        vehicle,
        reading: request.odometerOut,
        correction: request.odometerCorrection,
        source: 'work_order_out',
        field: 'odometerOut',
        workOrderId: workOrder.id,
        recordedById: by.id,
        mileageWrittenBy: 'edit',
      });
    }
    const at = new Date();
    await tx.workOrder.update({
      where: { id: workOrder.id },
      data: {
        status: statusMove.to,
        // The work order keeps when it was approved and when it was cancelled.
        ...(statusMove.to === 'approved' ? { approvedAt: at } : {}),
        ...(statusMove.to === 'cancelled' ? { cancelledAt: at } : {}),
        ...(request.odometerOut !== undefined ? { odometerOut: request.odometerOut } : {}),
        statusChanges: { create: { ...statusMove, byId: by.id, at } },
      },
    });
    // The customer hears the car is ready from the same commit that says so (the outbox).
    const message =
      statusMove.to === 'ready'
        ? await writeMessage(
            tx,
            { kind: 'ready', customerId: workOrder.customerId, workOrderId: workOrder.id },
            addresses,
          )
        : null;
    return { statusMove, recordedReading, message };
  });
  return { ...(await writtenDetail(prisma, request.id)), statusMove, recordedReading, message };
}
