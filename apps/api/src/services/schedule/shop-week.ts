import type { Prisma, PrismaClient } from '@garage/db';
import type { TechnicianWeek, WeekHours } from '../../domain/schedule/hours';
import { fromDateColumn } from '../../domain/work-orders/calendar-days';

// What every schedule read and write needs to know of the shop: its zone, its opening hours,
// its bays and its technicians' weeks. Small tables, read whole.

type Reader = PrismaClient | Prisma.TransactionClient;

export type ScheduleBay = {
  id: number;
  name: string;
  active: boolean;
  position: number;
  version: number;
};
export type ScheduleTechnician = { id: number; name: string; week: TechnicianWeek };

export type ShopWeek = {
  timeZone: string;
  opening: WeekHours;
  bays: ScheduleBay[];
  technicians: ScheduleTechnician[];
};

export const technicianWhere = {
  isTechnician: true,
  role: { in: ['staff', 'admin'] },
} satisfies Prisma.UserWhereInput;

/** The shop's zone, opening hours, bays (active and not, in order) and technicians' weeks. */
export async function loadShopWeek(prisma: Reader): Promise<ShopWeek> {
  const [settings, opening, bays, technicians] = await Promise.all([
    loadTimeZone(prisma),
    prisma.openingHours.findMany(),
    prisma.bay.findMany({
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, active: true, position: true, version: true },
    }),
    prisma.user.findMany({
      where: technicianWhere,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        workingHours: true,
        daysOff: { select: { day: true } },
      },
    }),
  ]);
  return {
    timeZone: settings,
    opening: new Map(
      opening.map((row) => [row.weekday, { from: row.opensMinute, to: row.closesMinute }]),
    ),
    bays,
    technicians: technicians.map((technician) => ({
      id: technician.id,
      name: technician.name,
      week: {
        hours: new Map(
          technician.workingHours.map((row) => [
            row.weekday,
            { from: row.startMinute, to: row.endMinute },
          ]),
        ),
        daysOff: new Set(technician.daysOff.map((off) => fromDateColumn(off.day))),
      },
    })),
  };
}

/** The shop's zone: the settings' (their default, UTC, before the row exists). */
async function loadTimeZone(prisma: Reader): Promise<string> {
  const settings = await prisma.shopSettings.findUnique({
    where: { id: 1 },
    select: { timeZone: true },
  });
  return settings?.timeZone ?? 'UTC';
}

/** The schedule's own settings (created with the defaults on first read). */
export async function loadScheduleSettings(prisma: Reader) {
  const existing = await prisma.scheduleSettings.findUnique({ where: { id: 1 } });
  if (existing) return existing;
  await prisma.scheduleSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
  return prisma.scheduleSettings.findUniqueOrThrow({ where: { id: 1 } });
}
