import type { Metadata } from 'next';
import { VehicleDetail } from '~/components/vehicles/vehicle-detail';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { getQueryClient, HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Vehicle' };

/** Staff: one vehicle and its service history, fetched on the server. */
export default async function VehiclePage(page: RecordPageProps) {
  const id = await pageId(page);
  await Promise.all([
    prefetchRecord(trpc.vehicle.byId.queryOptions({ id })),
    getQueryClient().prefetchQuery(trpc.vehicle.history.queryOptions({ vehicleId: id })),
  ]);
  return (
    <HydrateClient>
      <VehicleDetail id={id} />
    </HydrateClient>
  );
}
