import type { Prisma, PrismaClient } from '@garage/db';
import {
  type AppointmentStatus,
  maxAppointmentHours,
  openStatuses,
  type WorkOrderStatus,
} from '@garage/validators';
import { holdingStatuses } from '../../domain/schedule/appointment-status';
import { type ArrivedJob, carryOverOn, plannedEnd } from '../../domain/schedule/carry-over';
import type { Interval } from '../../domain/schedule/intervals';
import { dayBounds, daysFrom } from '../../domain/schedule/shop-clock';
import type { ShopWeek } from './shop-week';

// What takes the time of bays and technicians over some days: appointments (requested, booked,
// arrived, and no-shows to show), and the carry-over of cars still in the shop.

type Reader = PrismaClient | Prisma.TransactionClient;

/** How far back an arrival may still hold its bay: a car in the shop for longer is rare. */
const carryOverLookBackDays = 120;

export const appointmentSelect = {
  id: true,
  version: true,
  status: true,
  channel: true,
  startsAt: true,
  endsAt: true,
  bayId: true,
  technicianId: true,
  concern: true,
  services: true,
  outOfHours: true,
  draftName: true,
  draftPhone: true,
  draftVehicle: true,
  customer: { select: { id: true, name: true, phone: true } },
  vehicle: { select: { id: true, plate: true, make: true, model: true, year: true } },
  workOrder: { select: { id: true, number: true, status: true } },
  bookedBy: { select: { id: true, name: true } },
} satisfies Prisma.AppointmentSelect;

/** The approved labour hours of a work order, from its lines. */
const laborSelect = {
  where: { kind: 'labor', approval: 'approved' },
  select: { quantity: true },
} satisfies Prisma.WorkOrder$linesArgs;

const approvedHours = (lines: { quantity: Prisma.Decimal }[]) =>
  lines.reduce((hours, line) => hours + Number(line.quantity), 0);

/** A car held over onto `day`: the bay it holds and from when to when. */
export type CarryOver = Interval & {
  appointmentId: number;
  bayId: number;
  technicianId: number | null;
  workOrder: { id: number; number: string; status: string };
  vehicle: { id: number; plate: string; make: string; model: string } | null;
  plannedEnd: Date;
};

/**
 * An appointment as the week's capacity and the portal's slots count it: its time, resources and
 * status, and its work order's approved labour summed by the database. One query, flat rows: the
 * week view at volume reads about a thousand of them, and Prisma's relation loading and decimal
 * objects for each were most of its time.
 */
type TimedRow = {
  id: number;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  bayId: number | null;
  technicianId: number | null;
  workOrderId: number | null;
  workOrderNumber: string | null;
  workOrderStatus: WorkOrderStatus | null;
  approvedLaborHours: number;
};

/** The instants of `count` days from `first`, and how far back an arrival may still hold. */
function span(week: ShopWeek, first: string, count: number) {
  const days = daysFrom(first, count);
  const start = dayBounds(first, week.timeZone).start;
  const end = dayBounds(days.at(-1) ?? first, week.timeZone).end;
  return { days, start, end };
}

/**
 * The appointments touching [start, end) that a view shows (holding time, or no-shows). An
 * appointment is at most `maxAppointmentHours` long (the inputs refuse longer ones), so its start
 * is bounded on both sides and the start index reads only the weeks around.
 */
const touchingWhere = (start: Date, end: Date) =>
  ({
    startsAt: { gte: new Date(start.getTime() - maxAppointmentHours * 3_600_000), lt: end },
    endsAt: { gt: start },
    status: { in: [...holdingStatuses, 'no_show'] },
  }) satisfies Prisma.AppointmentWhereInput;

/** Each row's planned end (by its work order's approved labour), the labour lines dropped. */
function withPlannedEnd<
  Row extends {
    startsAt: Date;
    endsAt: Date;
    workOrder: {
      id: number;
      number: string;
      status: WorkOrderStatus;
      lines: { quantity: Prisma.Decimal }[];
    } | null;
  },
>(rows: readonly Row[], week: ShopWeek) {
  return rows.map(({ workOrder, ...appointment }) => ({
    ...appointment,
    workOrder: workOrder && {
      id: workOrder.id,
      number: workOrder.number,
      status: workOrder.status,
    },
    // A job with a work order is planned by its approved labour (never shorter than booked).
    plannedEnd: workOrder
      ? plannedEnd(
          {
            ...appointment,
            workOrder: {
              status: workOrder.status,
              approvedLaborHours: approvedHours(workOrder.lines),
            },
          },
          week.timeZone,
          week.opening,
        )
      : appointment.endsAt,
  }));
}

/** The days' appointments as the day view shows them (not cancelled ones) and carry-over, per day. */
export async function loadBookings(
  prisma: Reader,
  week: ShopWeek,
  first: string,
  count: number,
  today: string,
) {
  const { days, start, end } = span(week, first, count);
  // One after the other: inside a booking's transaction both run on its one connection.
  const appointments = await prisma.appointment.findMany({
    where: touchingWhere(start, end),
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: {
      ...appointmentSelect,
      workOrder: { select: { id: true, number: true, status: true, lines: laborSelect } },
    },
  });
  const held = await loadCarryOver(prisma, week, first, count, today);
  return { days, appointments: withPlannedEnd(appointments, week), ...held };
}

/**
 * The same time taken, without what only the day view shows of each appointment (who, which
 * car, the concern): what the week's capacity and the portal's free slots count.
 */
export async function loadBusyTime(
  prisma: Reader,
  week: ShopWeek,
  first: string,
  count: number,
  today: string,
) {
  const { days, start, end } = span(week, first, count);
  const earliest = new Date(start.getTime() - maxAppointmentHours * 3_600_000);
  // The rows touchingWhere selects for the day view: a change to one belongs in the other.
  const rows = await prisma.$queryRaw<TimedRow[]>`
    SELECT a."id", a."status"::text AS "status", a."startsAt", a."endsAt", a."bayId",
      a."technicianId", w."id" AS "workOrderId", w."number" AS "workOrderNumber",
      w."status"::text AS "workOrderStatus",
      COALESCE(labour."hours", 0)::float8 AS "approvedLaborHours"
    FROM "Appointment" a
    LEFT JOIN "WorkOrder" w ON w."id" = a."workOrderId"
    LEFT JOIN LATERAL (
      SELECT sum(l."quantity") AS "hours" FROM "WorkOrderLine" l
      WHERE l."workOrderId" = w."id" AND l."kind" = 'labor' AND l."approval" = 'approved'
    ) labour ON true
    WHERE a."startsAt" >= ${earliest} AND a."startsAt" < ${end} AND a."endsAt" > ${start}
      AND a."status" IN ('requested', 'booked', 'arrived', 'no_show')
    ORDER BY a."startsAt", a."id"`;
  const appointments = rows.map(
    ({ workOrderId, workOrderNumber, workOrderStatus, approvedLaborHours, ...row }) => {
      const workOrder =
        workOrderId !== null && workOrderNumber !== null && workOrderStatus !== null
          ? { id: workOrderId, number: workOrderNumber, status: workOrderStatus }
          : null;
      return {
        ...row,
        workOrder,
        plannedEnd: workOrder
          ? plannedEnd(
              { ...row, workOrder: { status: workOrder.status, approvedLaborHours } },
              week.timeZone,
              week.opening,
            )
          : row.endsAt,
      };
    },
  );
  const held = await loadCarryOver(prisma, week, first, count, today);
  return { days, appointments, ...held };
}

/**
 * The carry-over of cars still in the shop onto each of `count` days from `first`, and every
 * such car's work order.
 */
export async function loadCarryOver(
  prisma: Reader,
  week: ShopWeek,
  first: string,
  count: number,
  today: string,
) {
  const { days, start, end } = span(week, first, count);
  const lookBack = new Date(start.getTime() - carryOverLookBackDays * 86_400_000);
  const arrived = await prisma.appointment.findMany({
    where: {
      status: 'arrived',
      bayId: { not: null },
      startsAt: { gte: lookBack, lt: end },
      workOrder: { status: { in: [...openStatuses] } },
    },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      bayId: true,
      technicianId: true,
      vehicle: { select: { id: true, plate: true, make: true, model: true } },
      workOrder: { select: { id: true, number: true, status: true, lines: laborSelect } },
    },
  });
  const carryOver = days.map((day) =>
    arrived.flatMap((row): CarryOver[] => {
      if (!row.workOrder || row.bayId === null) return [];
      const job: ArrivedJob = {
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        workOrder: {
          status: row.workOrder.status,
          approvedLaborHours: approvedHours(row.workOrder.lines),
        },
      };
      const held = carryOverOn(job, day, today, week.timeZone, week.opening);
      if (!held) return [];
      return [
        {
          ...held,
          appointmentId: row.id,
          bayId: row.bayId,
          technicianId: row.technicianId,
          workOrder: {
            id: row.workOrder.id,
            number: row.workOrder.number,
            status: row.workOrder.status,
          },
          vehicle: row.vehicle,
          plannedEnd: plannedEnd(job, week.timeZone, week.opening),
        },
      ];
    }),
  );
  // Every car still in the shop that arrived before the days end may hold its bay on them once
  // its approved labour grows: the views carry their work orders' tags, held or not (yet).
  const inShop = arrived.flatMap((row) => (row.workOrder ? [row.workOrder.id] : []));
  return { carryOver, inShop };
}

export type Bookings = Awaited<ReturnType<typeof loadBookings>>;
export type ShownAppointment = Bookings['appointments'][number];
export type BusyTime = Awaited<ReturnType<typeof loadBusyTime>>;
