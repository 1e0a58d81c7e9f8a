// Generated appointments, for volume: a year of them around today (half gone, half to come) on
// the generated customers' cars, one per lift and opening hour at most, spread evenly over the
// year and the lifts; as many lifts as the count needs. Lift 1 is Tom's, Lift 2 Rita's, the
// others have no technician, so neither constraint can be broken by the plan itself; a cell the
// demo week already holds is skipped by the database (ON CONFLICT DO NOTHING answers exclusion
// constraints too) and the next one taken. They carry no booker, as if copied from the paper
// diary: that is how a second run recognises them.
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { between, pick, rowRandom } from './random';
import { demoBayCount, ensureLifts } from './schedule-setup';
import { addDays, atShopTime, isoWeekday, shopDay } from './shop-clock';
import { everyJob, jobs } from './work-order-data';

const batchSize = 1_000;
const hour = 60;
/** Days before today the year starts (the rest of it is to come). */
const daysBack = 182;
const yearDays = 365;

type Opening = readonly { weekday: number; opensMinute: number; closesMinute: number }[];

export type GeneratedAppointmentsOptions = {
  target: number;
  now: Date;
  timeZone: string;
  opening: Opening;
  technicianIds: readonly [number, number];
  domain: string;
};

/** The appointments a second run counts as generated: a generated customer's, no booker. */
const generatedWhere = (domain: string) =>
  ({
    bookedById: null,
    customer: { email: { endsWith: domain } },
  }) satisfies Prisma.AppointmentWhereInput;

/** Each open hour of the year around `today`: its day and its first minute. */
function hourCells(today: string, opening: Opening) {
  const cells: { day: string; minute: number }[] = [];
  for (let offset = -daysBack; offset < yearDays - daysBack; offset++) {
    const day = addDays(today, offset);
    const hours = opening.find((row) => row.weekday === isoWeekday(day));
    if (!hours) continue;
    for (let minute = hours.opensMinute; minute + hour <= hours.closesMinute; minute += hour) {
      cells.push({ day, minute });
    }
  }
  return cells;
}

/** A step through `total` cells that visits each once and lands far from the one before. */
function strideFor(total: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.max(1, Math.floor(total * 0.618));
  while (gcd(stride, total) !== 1) stride++;
  return stride;
}

/** Generated appointments up to `target` (the ones already there count). Returns how many were made. */
export async function seedGeneratedAppointments(
  prisma: PrismaClient,
  options: GeneratedAppointmentsOptions,
): Promise<number> {
  const existing = await prisma.appointment.count({ where: generatedWhere(options.domain) });
  if (existing >= options.target) return 0;
  const vehicles = await prisma.vehicle.findMany({
    where: { owner: { email: { endsWith: options.domain } } },
    orderBy: { id: 'asc' },
    select: { id: true, ownerId: true },
  });
  const cells = hourCells(shopDay(options.now, options.timeZone), options.opening);
  if (vehicles.length === 0 || cells.length === 0) return 0;
  // Cars that came: their work orders, closed since (no carry-over but the demo week's).
  const visits = await prisma.workOrder.findMany({
    where: {
      status: { in: ['invoiced', 'paid'] },
      customer: { email: { endsWith: options.domain } },
    },
    orderBy: { id: 'asc' },
    select: { id: true, vehicleId: true, customerId: true },
  });
  const lifts = await ensureLifts(
    prisma,
    Math.max(demoBayCount, Math.ceil(options.target / cells.length)),
  );
  const total = cells.length * lifts.length;
  const stride = strideFor(total);
  let created = 0;
  for (let index = existing; index < total && existing + created < options.target; ) {
    const rows: Prisma.AppointmentCreateManyInput[] = [];
    const wanted = Math.min(batchSize, options.target - existing - created);
    for (; rows.length < wanted && index < total; index++) {
      const cell = (index * stride) % total;
      const lift = cell % lifts.length;
      const at = cells[Math.floor(cell / lifts.length)];
      if (!at) continue;
      rows.push(
        generatedAppointment(index, {
          startsAt: atShopTime(at.day, at.minute, options.timeZone),
          bayId: lifts[lift]?.id ?? null,
          technicianId: options.technicianIds[lift] ?? null,
          now: options.now,
          vehicles,
          visits,
        }),
      );
    }
    const { count } = await prisma.appointment.createMany({ data: rows, skipDuplicates: true });
    created += count;
  }
  return created;
}

/** The generated appointment number `index`, in its cell: the same every time. */
function generatedAppointment(
  index: number,
  cell: {
    startsAt: Date;
    bayId: number | null;
    technicianId: number | null;
    now: Date;
    vehicles: readonly { id: number; ownerId: number }[];
    visits: readonly { id: number; vehicleId: number; customerId: number }[];
  },
): Prisma.AppointmentCreateManyInput {
  const random = rowRandom('appointment', index);
  const endsAt = new Date(cell.startsAt.getTime() + pick(random, [30, 45, 60, 60]) * 60_000);
  const dice = random();
  const past = cell.startsAt < cell.now;
  const status = past
    ? dice < 0.06
      ? 'no_show'
      : dice < 0.11
        ? 'cancelled'
        : 'arrived'
    : dice < 0.1
      ? 'requested'
      : dice < 0.14
        ? 'cancelled'
        : 'booked';
  const visit = status === 'arrived' && cell.visits.length > 0 ? pick(random, cell.visits) : null;
  const vehicle = pick(random, cell.vehicles);
  const job = jobs[pick(random, everyJob)];
  return {
    customerId: visit?.customerId ?? vehicle.ownerId,
    vehicleId: visit?.vehicleId ?? vehicle.id,
    workOrderId: visit?.id ?? null,
    concern: job.concern,
    services: random() < 0.4 ? [job.lines[0]?.description ?? job.concern] : [],
    startsAt: cell.startsAt,
    endsAt,
    bayId: cell.bayId,
    technicianId: status === 'requested' ? null : cell.technicianId,
    status,
    channel:
      status === 'requested' ? 'portal' : past && between(random, 0, 5) === 0 ? 'walk_in' : 'phone',
    bookedById: null,
  };
}
