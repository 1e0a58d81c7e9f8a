import type { Client, TestApi } from './harness';

/** Every day open 07:00-18:00, in the shop's zone. */
export const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opensMinute: 7 * 60,
  closesMinute: 18 * 60,
}));

/**
 * Sets up a shop on UTC (the seed's is America/Chicago) with `names` bays open every day (the
 * admin's calls), answers the bays' ids.
 */
export async function setUpSchedule(
  api: TestApi,
  admin: Client,
  names: string[],
): Promise<number[]> {
  await admin.settings.update.mutate({ timeZone: 'UTC' });
  await admin.schedule.setOpeningHours.mutate({ hours: everyDay });
  const ids: number[] = [];
  for (const [position, name] of names.entries()) {
    const existing = await api.db.prisma.bay.findUnique({ where: { name } });
    ids.push(existing?.id ?? (await admin.schedule.createBay.mutate({ name, position })).id);
  }
  return ids;
}

/** `YYYY-MM-DD` `days` days from today (UTC). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant `day` at `hh:mm` UTC. */
export const utc = (day: string, time: string) => new Date(`${day}T${time}:00.000Z`);
