// The demo schedule: two lifts' worth of a week around today on the shop's clock. The open days
// before today are done (cars that came, a no-show, a cancellation); today mixes a car that
// arrived, bob's car still in the shop since two open days ago (carried over on its lift: it is
// waiting for parts), bookings later on and a caller drafted on the phone; the coming days are
// booked, with one request bob made in the portal. Afternoons of the coming days stay free.
// No alice appointments: her portal page lists exactly her vehicles (e2e counts them).
import type {
  AppointmentChannel,
  AppointmentStatus,
  Prisma,
  PrismaClient,
  WorkOrderStatus,
} from '../generated/prisma/client';
import { addDays, atShopTime, isoWeekday, shopDay } from './shop-clock';
import { jobs } from './work-order-data';

type Opening = { weekday: number; opensMinute: number; closesMinute: number }[];

/** Who comes: a car of a closed work order (it left), bob's car, a generated car, a caller. */
type Who =
  | { kind: 'leftAgain'; index: number }
  | { kind: 'bob'; vehicle: number; workOrder?: WorkOrderStatus }
  | { kind: 'generated'; index: number }
  | { kind: 'caller'; name: string; phone: string; vehicle: string };

type Visit = {
  /** Open days from today: 0 is today (when the shop opens today), -1 the open day before. */
  day: number;
  from: string;
  to: string;
  lift: 0 | 1 | null;
  technician: 0 | 1 | null;
  status: AppointmentStatus;
  channel: AppointmentChannel;
  who: Who;
  concern?: string;
  services?: string[];
};

export const demoWeek: readonly Visit[] = [
  {
    day: -3,
    from: '08:00',
    to: '09:30',
    lift: 0,
    technician: 0,
    status: 'arrived',
    channel: 'phone',
    who: { kind: 'leftAgain', index: 0 },
  },
  {
    day: -3,
    from: '10:00',
    to: '11:00',
    lift: 1,
    technician: 1,
    status: 'no_show',
    channel: 'phone',
    who: { kind: 'generated', index: 0 },
    concern: jobs.battery.concern,
  },
  {
    day: -3,
    from: '13:00',
    to: '15:00',
    lift: 0,
    technician: 0,
    status: 'arrived',
    channel: 'walk_in',
    who: { kind: 'leftAgain', index: 1 },
  },
  // The car carried over: arrived two open days ago, its work order now waits for parts.
  {
    day: -2,
    from: '08:00',
    to: '12:00',
    lift: 1,
    technician: 1,
    status: 'arrived',
    channel: 'phone',
    who: { kind: 'bob', vehicle: 1, workOrder: 'waiting_parts' },
  },
  {
    day: -2,
    from: '09:00',
    to: '10:00',
    lift: 0,
    technician: 0,
    status: 'arrived',
    channel: 'phone',
    who: { kind: 'leftAgain', index: 2 },
  },
  {
    day: -2,
    from: '14:00',
    to: '15:30',
    lift: 0,
    technician: null,
    status: 'cancelled',
    channel: 'phone',
    who: { kind: 'generated', index: 1 },
    concern: jobs.alignment.concern,
  },
  {
    day: -1,
    from: '08:30',
    to: '10:00',
    lift: 0,
    technician: 0,
    status: 'arrived',
    channel: 'phone',
    who: { kind: 'leftAgain', index: 3 },
  },
  {
    day: -1,
    from: '13:00',
    to: '14:00',
    lift: 0,
    technician: 0,
    status: 'arrived',
    channel: 'walk_in',
    who: { kind: 'leftAgain', index: 4 },
  },
  // Today: a diagnosis at the scan bench (no lift), the first lift booked, a caller drafted.
  {
    day: 0,
    from: '08:00',
    to: '10:00',
    lift: null,
    technician: 0,
    status: 'arrived',
    channel: 'phone',
    who: { kind: 'bob', vehicle: 0, workOrder: 'in_progress' },
  },
  {
    day: 0,
    from: '10:00',
    to: '11:30',
    lift: 0,
    technician: 0,
    status: 'booked',
    channel: 'phone',
    who: { kind: 'generated', index: 2 },
    concern: jobs.frontBrakes.concern,
    services: ['Replace front brake pads'],
  },
  {
    day: 0,
    from: '13:00',
    to: '14:00',
    lift: 0,
    technician: null,
    status: 'booked',
    channel: 'phone',
    who: {
      kind: 'caller',
      name: 'Dana Whitfield',
      phone: '+1 555-014-7731',
      vehicle: '2016 Subaru Outback, silver',
    },
    concern: 'Clunk from the rear over bumps',
  },
  {
    day: 1,
    from: '08:00',
    to: '09:00',
    lift: 0,
    technician: 0,
    status: 'booked',
    channel: 'phone',
    who: { kind: 'generated', index: 3 },
    concern: jobs.oilService.concern,
    services: ['Oil and filter change'],
  },
  {
    day: 1,
    from: '09:30',
    to: '11:00',
    lift: 0,
    technician: 0,
    status: 'booked',
    channel: 'phone',
    who: { kind: 'generated', index: 4 },
    concern: jobs.coolant.concern,
  },
  {
    day: 1,
    from: '13:00',
    to: '14:00',
    lift: 1,
    technician: 1,
    status: 'booked',
    channel: 'phone',
    who: { kind: 'generated', index: 5 },
    concern: jobs.tyreRotation.concern,
    services: ['Rotate and balance tyres'],
  },
  {
    day: 2,
    from: '08:00',
    to: '10:00',
    lift: 0,
    technician: 0,
    status: 'booked',
    channel: 'phone',
    who: { kind: 'generated', index: 6 },
    concern: jobs.sparkPlugs.concern,
  },
  // Bob asked for a slot in the portal for the car whose estimate he approved: not confirmed yet.
  {
    day: 2,
    from: '10:00',
    to: '11:00',
    lift: 1,
    technician: null,
    status: 'requested',
    channel: 'portal',
    who: { kind: 'bob', vehicle: 2, workOrder: 'approved' },
  },
  {
    day: 3,
    from: '09:00',
    to: '10:30',
    lift: 0,
    technician: 0,
    status: 'booked',
    channel: 'walk_in',
    who: { kind: 'generated', index: 7 },
    concern: jobs.diagnosis.concern,
  },
  {
    day: 3,
    from: '13:00',
    to: '15:00',
    lift: 1,
    technician: 1,
    status: 'booked',
    channel: 'phone',
    who: { kind: 'generated', index: 8 },
    concern: jobs.brakeRotors.concern,
  },
];

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** The calendar day `offset` open days from `today` (null: today, and the shop is closed). */
export function openDay(today: string, offset: number, opening: Opening): string | null {
  const open = (day: string) => opening.some((row) => row.weekday === isoWeekday(day));
  if (offset === 0) return open(today) ? today : null;
  if (!opening.length) return null;
  const step = Math.sign(offset);
  let day = today;
  for (let left = Math.abs(offset); left > 0; ) {
    day = addDays(day, step);
    if (open(day)) left--;
  }
  return day;
}

export type DemoWeekContext = {
  now: Date;
  timeZone: string;
  opening: Opening;
  lifts: readonly { id: number }[];
  staffId: number;
  technicianIds: readonly [number, number];
  bob: { userId: number; customerId: number };
  /** Generated vehicles with their owners (first ones by id). */
  generated: readonly { id: number; ownerId: number }[];
  /** The generated customers' email domain. */
  domain: string;
};

type Party = Pick<
  Prisma.AppointmentUncheckedCreateInput,
  'customerId' | 'vehicleId' | 'draftName' | 'draftPhone' | 'draftVehicle' | 'workOrderId'
> & { concern?: string };

/** The week's appointments, unless the lifts already hold some. Returns how many were made. */
export async function seedDemoWeek(prisma: PrismaClient, context: DemoWeekContext) {
  const liftIds = context.lifts.map((lift) => lift.id);
  if ((await prisma.appointment.count({ where: { bayId: { in: liftIds } } })) > 0) return 0;
  // Cars that came and left: the latest closed generated work orders, one per vehicle.
  const closed = await prisma.workOrder.findMany({
    where: {
      status: { in: ['invoiced', 'paid'] },
      customer: { email: { endsWith: context.domain } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    distinct: ['vehicleId'],
    take: 5,
    select: { id: true, vehicleId: true, customerId: true, concern: true },
  });
  const bobVehicles = await prisma.vehicle.findMany({
    where: { ownerId: context.bob.customerId },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  const partyOf = async (who: Who): Promise<Party | null> => {
    switch (who.kind) {
      case 'leftAgain': {
        const order = closed[who.index];
        return order
          ? {
              customerId: order.customerId,
              vehicleId: order.vehicleId,
              workOrderId: order.id,
              concern: order.concern,
            }
          : null;
      }
      case 'bob': {
        const vehicle = bobVehicles[who.vehicle];
        if (!vehicle) return null;
        const order = who.workOrder
          ? await prisma.workOrder.findFirst({
              where: { vehicleId: vehicle.id, status: who.workOrder },
              select: { id: true, concern: true },
            })
          : null;
        if (who.workOrder && !order) return null;
        return {
          customerId: context.bob.customerId,
          vehicleId: vehicle.id,
          // A request is not tied to the work order until the car arrives.
          workOrderId: order && who.workOrder !== 'approved' ? order.id : null,
          ...(order ? { concern: order.concern } : {}),
        };
      }
      case 'generated': {
        const vehicle = context.generated[who.index % Math.max(1, context.generated.length)];
        return vehicle ? { customerId: vehicle.ownerId, vehicleId: vehicle.id } : null;
      }
      case 'caller':
        return { draftName: who.name, draftPhone: who.phone, draftVehicle: who.vehicle };
    }
  };

  const today = shopDay(context.now, context.timeZone);
  const rows: Prisma.AppointmentUncheckedCreateInput[] = [];
  for (const visit of demoWeek) {
    const day = openDay(today, visit.day, context.opening);
    const hours = context.opening.find((row) => day && row.weekday === isoWeekday(day));
    const [from, to] = [minutesOf(visit.from), minutesOf(visit.to)];
    // A short day (Saturday) keeps only the visits within its hours.
    if (!day || !hours || from < hours.opensMinute || to > hours.closesMinute) continue;
    const party = await partyOf(visit.who);
    if (!party) continue;
    const { concern, ...who } = party;
    rows.push({
      ...who,
      concern: visit.concern ?? concern ?? 'Service',
      services: visit.services ?? [],
      startsAt: atShopTime(day, from, context.timeZone),
      endsAt: atShopTime(day, to, context.timeZone),
      bayId: visit.lift === null ? null : (liftIds[visit.lift] ?? null),
      technicianId: visit.technician === null ? null : context.technicianIds[visit.technician],
      status: visit.status,
      channel: visit.channel,
      bookedById: visit.channel === 'portal' ? context.bob.userId : context.staffId,
    });
  }
  const { count } = await prisma.appointment.createMany({ data: rows });
  return count;
}
