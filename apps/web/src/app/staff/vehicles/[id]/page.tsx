import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VehicleDetail } from '~/components/vehicles/vehicle-detail';
import { parseId } from '~/lib/ids';
import { getQueryClient, HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Vehicle' };

/** Staff: one vehicle and its service history, fetched on the server. */
export default async function VehiclePage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
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
