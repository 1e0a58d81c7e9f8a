import type { Prisma, PrismaClient } from '@garage/db';
import type { AppointmentStatus } from '@garage/validators';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { checkMove } from '../../domain/schedule/appointment-status';
import { plannedEnd } from '../../domain/schedule/carry-over';
import { later } from '../../domain/schedule/intervals';
import { dayAt, dayBounds } from '../../domain/schedule/shop-clock';
import { isOpen } from '../../domain/work-orders/status';
import { writeAppointmentConfirmation } from '../messages/appointment-messages';
import type { MessageAddresses } from '../messages/outbox';
import { applyEdit } from '../versions';
import { openWorkOrder } from '../work-orders/create';
import type { RecordedReading } from '../work-orders/odometer';
import { lockAppointment, refusingClashes, versionedAppointment, writtenAppointment } from './book';
import { checkPlacement } from './placement';
import { loadShopWeek } from './shop-week';

// An appointment's status moves (domain/schedule/appointment-status.ts): confirm a request,
// arrival (which opens the work order, or joins an open one of the vehicle), no-show, cancel.

type By = Pick<SessionUser, 'id'>;

/** Moves the appointment still at `version` to `to`, with `extra` columns, in `tx`. */
async function setStatus(
  tx: Prisma.TransactionClient,
  id: number,
  version: number,
  to: AppointmentStatus,
  by: By,
  extra: { bayId?: number | null; technicianId?: number | null } = {},
) {
  await applyEdit(tx, {
    ...versionedAppointment(tx, id, version),
    changes: { status: to, ...extra },
    byId: by.id,
    write: (data) => tx.appointment.updateMany({ where: { id, version }, data }),
  });
}

/**
 * Confirms a request (`booked`), giving it a bay or technician when it names one; the
 * confirmation to the customer is written in the same transaction (the outbox).
 */
export async function confirmAppointment(
  prisma: PrismaClient,
  input: {
    id: number;
    version: number;
    bayId?: number | undefined;
    technicianId?: number | undefined;
  },
  by: By,
  now: Date,
  addresses: MessageAddresses,
) {
  const week = await loadShopWeek(prisma);
  const before = await prisma.appointment.findUnique({
    where: { id: input.id },
    select: { startsAt: true, endsAt: true, bayId: true, technicianId: true },
  });
  if (!before) throw AppError.notFound('appointment');
  const placement = {
    interval: { start: before.startsAt, end: before.endsAt },
    bayId: input.bayId ?? before.bayId,
    technicianId: input.technicianId ?? before.technicianId,
    allowOutOfHours: true,
  };
  const message = await refusingClashes(prisma, week, { ...placement, excludeId: input.id }, () =>
    prisma.$transaction(async (tx) => {
      const current = await lockAppointment(tx, input.id);
      checkMove(current.status, 'booked');
      if (placement.bayId !== before.bayId || placement.technicianId !== before.technicianId) {
        await checkPlacement(tx, week, placement, now);
      }
      await setStatus(tx, input.id, input.version, 'booked', by, {
        bayId: placement.bayId,
        technicianId: placement.technicianId,
      });
      return writeAppointmentConfirmation(tx, input.id, addresses);
    }),
  );
  return { ...(await writtenAppointment(prisma, input.id, week)), message };
}

/**
 * The car came: the appointment is `arrived`, with a work order carrying its concern (and its
 * requested services), or joined to the vehicle's open work order `workOrderId`. A drafted
 * caller's appointment names the vehicle registered for them at the counter.
 */
export async function arriveAppointment(
  prisma: PrismaClient,
  input: {
    id: number;
    version: number;
    vehicleId?: number | undefined;
    odometerIn?: number | undefined;
    workOrderId?: number | undefined;
  },
  by: By,
  now: Date,
) {
  const week = await loadShopWeek(prisma);
  const result = await prisma.$transaction(async (tx) => {
    const current = await lockAppointment(tx, input.id);
    checkMove(current.status, 'arrived');
    const vehicleId = current.vehicleId ?? input.vehicleId;
    if (vehicleId === undefined) {
      throw AppError.badInput('vehicleId', "is required: register the caller's vehicle first");
    }
    if (
      current.vehicleId !== null &&
      input.vehicleId !== undefined &&
      input.vehicleId !== current.vehicleId
    ) {
      throw AppError.badInput('vehicleId', 'is not the vehicle of this appointment');
    }
    const vehicle = await tx.vehicle.findUnique({
      where: { id: vehicleId },
      select: { id: true, ownerId: true, mileage: true },
    });
    if (!vehicle) throw AppError.badInput('vehicleId', 'no vehicle with this id');
    let workOrderId: number;
    let recordedReading: RecordedReading | null = null;
    let opened = false;
    if (input.workOrderId !== undefined) {
      const joined = await tx.workOrder.findUnique({
        where: { id: input.workOrderId },
        select: { id: true, vehicleId: true, status: true },
      });
      if (!joined || joined.vehicleId !== vehicle.id || !isOpen(joined.status)) {
        throw AppError.badInput('workOrderId', 'is not an open work order of this vehicle');
      }
      workOrderId = joined.id;
    } else {
      const services = await tx.appointment.findUniqueOrThrow({
        where: { id: input.id },
        select: { services: true },
      });
      const concern = [current.concern, ...services.services].join('\n').slice(0, 2000);
      const created = await openWorkOrder(
        tx,
        {
          vehicleId: vehicle.id,
          concern,
          odometerIn: input.odometerIn ?? vehicle.mileage,
          odometerCorrection: false,
          ...(current.technicianId !== null ? { technicianId: current.technicianId } : {}),
        },
        by,
      );
      workOrderId = created.id;
      recordedReading = created.recordedReading;
      opened = true;
    }
    await setStatus(tx, input.id, input.version, 'arrived', by);
    await tx.appointment.update({
      where: { id: input.id },
      data: {
        workOrderId,
        vehicleId: vehicle.id,
        customerId: current.customerId ?? vehicle.ownerId,
      },
    });
    const labour = await tx.workOrderLine.aggregate({
      where: { workOrderId, kind: 'labor', approval: 'approved' },
      _sum: { quantity: true },
    });
    // From now on the car holds its bay through today and its planned end (carry-over).
    const held = {
      start: current.endsAt,
      end: later(
        dayBounds(dayAt(now, week.timeZone), week.timeZone).end,
        plannedEnd(
          {
            startsAt: current.startsAt,
            endsAt: current.endsAt,
            workOrder: {
              status: 'estimate',
              approvedLaborHours: Number(labour._sum.quantity ?? 0),
            },
          },
          week.timeZone,
          week.opening,
        ),
      ),
    };
    return {
      workOrderId,
      recordedReading,
      opened,
      customerId: current.customerId ?? vehicle.ownerId,
      vehicleId: vehicle.id,
      held,
    };
  });
  const { held, ...arrival } = result;
  // The days it holds are touched too: their views now show it carried over.
  const also = held.end > held.start ? [held] : [];
  return { ...(await writtenAppointment(prisma, input.id, week, also)), arrival };
}

/** The car did not come (`no_show`), or the appointment is off (`cancelled`). */
export async function closeAppointment(
  prisma: PrismaClient,
  input: { id: number; version: number },
  to: 'no_show' | 'cancelled',
  by: By,
) {
  const week = await loadShopWeek(prisma);
  await prisma.$transaction(async (tx) => {
    const current = await lockAppointment(tx, input.id);
    checkMove(current.status, to);
    await setStatus(tx, input.id, input.version, to, by);
  });
  return writtenAppointment(prisma, input.id, week);
}
