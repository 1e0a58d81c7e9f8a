import type { Metadata } from 'next';
import { ScheduleScreen } from '~/components/schedule/schedule-screen';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Schedule' };

/** The day it is on the shop's clock. */
const dayIn = (timeZone: string, now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/** Staff: the shop's schedule; `?vehicleId=&concern=` books for a vehicle (Due soon, a vehicle's page). */
export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const shop = await getQueryClient().fetchQuery(trpc.settings.shop.queryOptions());
  const today = typeof params.day === 'string' ? params.day : dayIn(shop.timeZone, new Date());
  const vehicleId = Number(params.vehicleId);
  const concern = typeof params.concern === 'string' ? params.concern : undefined;
  return (
    <HydrateClient>
      <h1>Schedule</h1>
      <ScheduleScreen
        today={today}
        prefill={{
          ...(Number.isInteger(vehicleId) && vehicleId > 0 ? { vehicleId } : {}),
          ...(concern ? { concern } : {}),
        }}
      />
    </HydrateClient>
  );
}
