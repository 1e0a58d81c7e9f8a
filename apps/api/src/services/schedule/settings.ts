import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import { fromDatabase } from '../../database-errors';
import { toDateColumn } from '../../domain/work-orders/calendar-days';
import { applyEdit } from '../versions';
import { loadScheduleSettings, loadShopWeek, technicianWhere } from './shop-week';

// The schedule's settings: bays, the shop's opening hours, each technician's hours and days
// off, and what the portal offers. Staff read them; admins change them.

/** Everything the settings screen shows of the schedule. */
export async function getScheduleSetup(prisma: PrismaClient) {
  const [week, settings] = await Promise.all([loadShopWeek(prisma), loadScheduleSettings(prisma)]);
  const weekRows = <T>(
    hours: ReadonlyMap<number, { from: number; to: number }>,
    row: (weekday: number, from: number, to: number) => T,
  ) =>
    [...hours].sort(([a], [b]) => a - b).map(([weekday, span]) => row(weekday, span.from, span.to));
  return {
    timeZone: week.timeZone,
    bays: week.bays,
    openingHours: weekRows(week.opening, (weekday, opensMinute, closesMinute) => ({
      weekday,
      opensMinute,
      closesMinute,
    })),
    technicians: week.technicians.map((technician) => ({
      id: technician.id,
      name: technician.name,
      hours: weekRows(technician.week.hours, (weekday, startMinute, endMinute) => ({
        weekday,
        startMinute,
        endMinute,
      })),
      daysOff: [...technician.week.daysOff].sort(),
    })),
    portal: {
      cutoffHours: settings.portalCutoffHours,
      slotMinutes: settings.portalSlotMinutes,
      horizonDays: settings.portalHorizonDays,
    },
  };
}

/** Adds a bay (its name unique). */
export async function createBay(
  prisma: PrismaClient,
  bay: { name: string; active?: boolean | undefined; position?: number | undefined },
) {
  try {
    return await prisma.bay.create({
      data: bay,
      select: { id: true, name: true, active: true, position: true, version: true },
    });
  } catch (error) {
    throw fromDatabase(error, 'bay');
  }
}

/** Renames, reorders, or (de)activates a bay still at `version`. */
export async function updateBay(
  prisma: PrismaClient,
  id: number,
  version: number,
  changes: {
    name?: string | undefined;
    active?: boolean | undefined;
    position?: number | undefined;
  },
  byId: number,
) {
  try {
    await prisma.$transaction((tx) =>
      applyEdit(tx, {
        record: 'bay',
        noun: 'bay',
        id,
        basedOn: version,
        load: async () => {
          const row = await tx.bay.findUnique({
            where: { id },
            select: { version: true, name: true, active: true, position: true },
          });
          return (
            row && {
              version: row.version,
              values: { name: row.name, active: row.active, position: row.position },
            }
          );
        },
        changes,
        byId,
        write: (data) => tx.bay.updateMany({ where: { id, version }, data }),
      }),
    );
  } catch (error) {
    throw fromDatabase(error, 'bay');
  }
  return prisma.bay.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, active: true, position: true, version: true },
  });
}

/** Replaces the shop's opening hours (a weekday not listed is closed). */
export async function setOpeningHours(
  prisma: PrismaClient,
  hours: { weekday: number; opensMinute: number; closesMinute: number }[],
) {
  await prisma.$transaction([
    prisma.openingHours.deleteMany(),
    prisma.openingHours.createMany({ data: hours }),
  ]);
  return getScheduleSetup(prisma);
}

/** Replaces a technician's weekly hours and days off. */
export async function setWorkingHours(
  prisma: PrismaClient,
  input: {
    technicianId: number;
    hours: { weekday: number; startMinute: number; endMinute: number }[];
    daysOff: { day: string; reason?: string | null | undefined }[];
  },
) {
  const technician = await prisma.user.findFirst({
    where: { id: input.technicianId, ...technicianWhere },
    select: { id: true },
  });
  if (!technician) throw AppError.badInput('technicianId', 'is not a technician of the shop');
  const days = new Set(input.daysOff.map((off) => off.day));
  if (days.size !== input.daysOff.length) throw AppError.badInput('daysOff', 'lists a day twice');
  await prisma.$transaction([
    prisma.workingHours.deleteMany({ where: { technicianId: technician.id } }),
    prisma.workingHours.createMany({
      data: input.hours.map((span) => ({ ...span, technicianId: technician.id })),
    }),
    prisma.dayOff.deleteMany({ where: { technicianId: technician.id } }),
    prisma.dayOff.createMany({
      data: input.daysOff.map((off) => ({
        technicianId: technician.id,
        day: toDateColumn(off.day),
        reason: off.reason ?? null,
      })),
    }),
  ]);
  return getScheduleSetup(prisma);
}

/** Changes what the portal offers: its cut-off for cancelling, its slots' length, its horizon. */
export async function updateScheduleSettings(
  prisma: PrismaClient,
  changes: {
    portalCutoffHours?: number | undefined;
    portalSlotMinutes?: number | undefined;
    portalHorizonDays?: number | undefined;
  },
) {
  await loadScheduleSettings(prisma);
  await prisma.scheduleSettings.update({ where: { id: 1 }, data: changes });
  return getScheduleSetup(prisma);
}
