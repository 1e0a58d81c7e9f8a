// The demo shop's schedule set-up: two lifts, opening hours, and the technicians' weeks. Each
// part is written only while it is missing, so an admin's own hours survive a second seed.
import type { PrismaClient } from '../generated/prisma/client';

const hour = 60;

/** Monday to Friday 08:00-17:00, Saturday 08:00-13:00, closed on Sunday (the shop's clock). */
export const demoOpeningHours = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    opensMinute: 8 * hour,
    closesMinute: 17 * hour,
  })),
  { weekday: 6, opensMinute: 8 * hour, closesMinute: 13 * hour },
];

/** The demo bays, left to right; generated volume adds more of the same name when it needs them. */
export const liftName = (index: number) => `Lift ${index + 1}`;
export const demoBayCount = 2;

/** Creates the lifts up to `count` (the demo's two, or more for volume); answers them in order. */
export async function ensureLifts(prisma: PrismaClient, count: number) {
  await prisma.bay.createMany({
    data: Array.from({ length: count }, (_, index) => ({ name: liftName(index), position: index })),
    skipDuplicates: true,
  });
  const names = Array.from({ length: count }, (_, index) => liftName(index));
  const lifts = await prisma.bay.findMany({
    where: { name: { in: names } },
    select: { id: true, name: true },
  });
  return names.map((name) => {
    const lift = lifts.find((row) => row.name === name);
    if (!lift) throw new Error(`seed: ${name} is missing`);
    return lift;
  });
}

/**
 * Opening hours when the shop has none, and each technician's week (the shop's opening hours)
 * when they have none.
 */
export async function seedScheduleSetup(prisma: PrismaClient, technicianIds: readonly number[]) {
  if ((await prisma.openingHours.count()) === 0) {
    await prisma.openingHours.createMany({ data: demoOpeningHours, skipDuplicates: true });
  }
  const opening = await prisma.openingHours.findMany();
  for (const technicianId of technicianIds) {
    if ((await prisma.workingHours.count({ where: { technicianId } })) > 0) continue;
    await prisma.workingHours.createMany({
      data: opening.map((row) => ({
        technicianId,
        weekday: row.weekday,
        startMinute: row.opensMinute,
        endMinute: row.closesMinute,
      })),
      skipDuplicates: true,
    });
  }
  return opening;
}
