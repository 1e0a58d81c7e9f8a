import type { Prisma, PrismaClient } from '@garage/db';
import type { AppointmentStatus } from '@garage/validators';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { checkMovable } from '../../domain/schedule/appointment-status';
import type { Interval } from '../../domain/schedule/intervals';
import { daysTouched } from '../../domain/schedule/shop-clock';
import { writeAppointmentConfirmation } from '../messages/appointment-messages';
import type { MessageAddresses } from '../messages/outbox';
import { applyEdit, type Stored } from '../versions';
import { appointmentSelect } from './bookings';
import { clashError, exclusionRefusal, isDeadlock } from './clash';
import { checkPlacement, type Placement } from './placement';
import { loadShopWeek, type ShopWeek } from './shop-week';

// Booking and moving appointments. The checks run in the write's transaction; a clash with
// another appointment is the database's refusal (the exclusion constraints), answered as a
// CONFLICT naming what holds the time.

export type NewAppointment = {
  vehicleId?: number | undefined;
  draft?:
    | { name: string; phone?: string | null | undefined; vehicle?: string | null | undefined }
    | undefined;
  concern: string;
  services?: string[] | undefined;
  startsAt: Date;
  endsAt: Date;
  bayId?: number | undefined;
  technicianId?: number | undefined;
  channel: 'phone' | 'walk_in' | 'portal';
  status?: AppointmentStatus;
  allowOutOfHours?: boolean | undefined;
};

/** What a write touched: the days (of its old and new time) and resources, for invalidation. */
export type Touched = { days: string[]; customerId: number | null };

/** Runs `write`; a refusal by an exclusion constraint becomes the CONFLICT naming the clash. */
export async function refusingClashes<T>(
  prisma: PrismaClient,
  week: ShopWeek,
  placement: Pick<Placement, 'interval' | 'bayId' | 'technicianId'> & {
    excludeId?: number;
    anonymous?: boolean;
  },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await writeBreakingDeadlocks(write);
  } catch (error) {
    const resource = exclusionRefusal(error);
    const resourceId =
      resource === 'bay'
        ? placement.bayId
        : resource === 'technician'
          ? placement.technicianId
          : null;
    if (!resource || resourceId === null) throw error;
    throw await clashError(prisma, {
      resource,
      resourceId,
      interval: placement.interval,
      timeZone: week.timeZone,
      ...(placement.excludeId ? { excludeId: placement.excludeId } : {}),
      ...(placement.anonymous ? { anonymous: true } : {}),
    });
  }
}

/** Runs `write` again (a few times at most) when PostgreSQL chose it to break a deadlock. */
async function writeBreakingDeadlocks<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 3 || !isDeadlock(error)) throw error;
    }
  }
}

/** The appointment as the schedule shows it, with what its write touched. */
export async function writtenAppointment(
  prisma: PrismaClient,
  id: number,
  week: ShopWeek,
  also: Interval[] = [],
) {
  const appointment = await prisma.appointment.findUniqueOrThrow({
    where: { id },
    select: appointmentSelect,
  });
  const intervals = [{ start: appointment.startsAt, end: appointment.endsAt }, ...also];
  const touched: Touched = {
    days: [
      ...new Set(intervals.flatMap((each) => daysTouched(each.start, each.end, week.timeZone))),
    ].sort(),
    customerId: appointment.customer?.id ?? null,
  };
  return { ...appointment, touched };
}

export type WrittenAppointment = Awaited<ReturnType<typeof writtenAppointment>>;

/**
 * Books an appointment (staff: `booked`; the portal: `requested`). A booked one's confirmation
 * to the customer is written in the same transaction (the outbox); a request gets none until
 * staff confirm it.
 */
export async function bookAppointment(
  prisma: PrismaClient,
  fields: NewAppointment,
  by: Pick<SessionUser, 'id'>,
  now: Date,
  addresses: MessageAddresses,
  options: { anonymousClash?: boolean } = {},
) {
  const week = await loadShopWeek(prisma);
  const placement: Placement = {
    interval: { start: fields.startsAt, end: fields.endsAt },
    bayId: fields.bayId ?? null,
    technicianId: fields.technicianId ?? null,
    allowOutOfHours: fields.allowOutOfHours ?? false,
  };
  const { id, message } = await refusingClashes(
    prisma,
    week,
    { ...placement, anonymous: options.anonymousClash ?? false },
    () =>
      prisma.$transaction(async (tx) => {
        const vehicle =
          fields.vehicleId === undefined
            ? null
            : await tx.vehicle.findUnique({
                where: { id: fields.vehicleId },
                select: { id: true, ownerId: true },
              });
        if (fields.vehicleId !== undefined && !vehicle)
          throw AppError.badInput('vehicleId', 'no vehicle with this id');
        const { outOfHours } = await checkPlacement(tx, week, placement, now);
        const created = await tx.appointment.create({
          data: {
            customerId: vehicle?.ownerId ?? null,
            vehicleId: vehicle?.id ?? null,
            draftName: fields.draft?.name ?? null,
            draftPhone: fields.draft?.phone ?? null,
            draftVehicle: fields.draft?.vehicle ?? null,
            concern: fields.concern,
            services: fields.services ?? [],
            startsAt: fields.startsAt,
            endsAt: fields.endsAt,
            bayId: placement.bayId,
            technicianId: placement.technicianId,
            status: fields.status ?? 'booked',
            channel: fields.channel,
            bookedById: by.id,
            outOfHours,
          },
          select: { id: true, status: true },
        });
        const message =
          created.status === 'booked'
            ? await writeAppointmentConfirmation(tx, created.id, addresses)
            : null;
        return { id: created.id, message };
      }),
  );
  return { ...(await writtenAppointment(prisma, id, week)), message };
}

export type AppointmentMove = {
  startsAt: Date;
  endsAt: Date;
  bayId?: number | null | undefined;
  technicianId?: number | null | undefined;
  allowOutOfHours?: boolean | undefined;
};

/** Moves or resizes an appointment still at `version` (before arrival), to another bay or technician too. */
export async function moveAppointment(
  prisma: PrismaClient,
  id: number,
  version: number,
  move: AppointmentMove,
  by: Pick<SessionUser, 'id'>,
  now: Date,
): Promise<WrittenAppointment> {
  const week = await loadShopWeek(prisma);
  const before = await prisma.appointment.findUnique({
    where: { id },
    select: { status: true, startsAt: true, endsAt: true, bayId: true, technicianId: true },
  });
  if (!before) throw AppError.notFound('appointment');
  const placement: Placement = {
    interval: { start: move.startsAt, end: move.endsAt },
    bayId: move.bayId === undefined ? before.bayId : move.bayId,
    technicianId: move.technicianId === undefined ? before.technicianId : move.technicianId,
    allowOutOfHours: move.allowOutOfHours ?? false,
  };
  if (placement.bayId === null && placement.technicianId === null) {
    throw AppError.badInput('bayId', 'choose a bay, a technician or both');
  }
  await refusingClashes(prisma, week, { ...placement, excludeId: id }, () =>
    prisma.$transaction(async (tx) => {
      const current = await lockAppointment(tx, id);
      checkMovable(current.status);
      const { outOfHours } = await checkPlacement(tx, week, placement, now);
      await applyEdit(tx, {
        ...versionedAppointment(tx, id, version),
        changes: {
          startsAt: move.startsAt,
          endsAt: move.endsAt,
          bayId: placement.bayId,
          technicianId: placement.technicianId,
          outOfHours,
        },
        byId: by.id,
        write: (data) => tx.appointment.updateMany({ where: { id, version }, data }),
      });
    }),
  );
  return writtenAppointment(prisma, id, week, [{ start: before.startsAt, end: before.endsAt }]);
}

/** Locks the appointment's row until the transaction ends; NOT_FOUND when there is none. */
export async function lockAppointment(tx: Prisma.TransactionClient, id: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Appointment" WHERE "id" = ${id} FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound('appointment');
  return tx.appointment.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      status: true,
      customerId: true,
      vehicleId: true,
      concern: true,
      technicianId: true,
      bayId: true,
      startsAt: true,
      endsAt: true,
    },
  });
}

type AppointmentFields = {
  startsAt: Date;
  endsAt: Date;
  bayId: number | null;
  technicianId: number | null;
  outOfHours: boolean;
  status: AppointmentStatus;
};

/** The appointment's versioned fields as stored, for `applyEdit`. */
export function versionedAppointment(tx: Prisma.TransactionClient, id: number, basedOn: number) {
  return {
    record: 'appointment' as const,
    noun: 'appointment',
    id,
    basedOn,
    load: async (): Promise<Stored<AppointmentFields> | null> => {
      const row = await tx.appointment.findUnique({
        where: { id },
        select: {
          version: true,
          startsAt: true,
          endsAt: true,
          bayId: true,
          technicianId: true,
          outOfHours: true,
          status: true,
          bay: { select: { name: true } },
          technician: { select: { name: true } },
        },
      });
      if (!row) return null;
      const { version, bay, technician, ...values } = row;
      return {
        version,
        values,
        names: {
          ...(bay ? { bayId: bay.name } : {}),
          ...(technician ? { technicianId: technician.name } : {}),
        },
      };
    },
  };
}
