import type { Metadata } from 'next';
import { VehicleList } from '~/components/vehicles/vehicle-list';
import { nextCursor, vehiclePageSize } from '~/lib/lists';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Vehicles' };

/** Staff: the vehicle list, its first page fetched on the server. */
export default async function VehiclesPage() {
  await getQueryClient().prefetchInfiniteQuery(
    trpc.vehicle.list.infiniteQueryOptions(
      { limit: vehiclePageSize },
      { getNextPageParam: nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <h1>Vehicles</h1>
      <VehicleList />
    </HydrateClient>
  );
}
