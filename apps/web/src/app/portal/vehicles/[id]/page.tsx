import type { Metadata } from 'next';
import { PortalVehicle } from '~/components/portal/portal-vehicle';
import { prefetchOwnRecord } from '~/lib/own-record';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Vehicle' };

/** Portal: one of the customer's own vehicles and its history (404 for anyone else's). */
export default async function PortalVehiclePage(page: RecordPageProps) {
  const id = await pageId(page);
  await prefetchOwnRecord(trpc.vehicle.history.queryOptions({ vehicleId: id }));
  return (
    <HydrateClient>
      <PortalVehicle id={id} />
    </HydrateClient>
  );
}
