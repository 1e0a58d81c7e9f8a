import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VehicleDetail } from '~/components/vehicles/vehicle-detail';
import { parseId } from '~/lib/ids';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Vehicle' };

/** Staff: one vehicle, fetched on the server. */
export default async function VehiclePage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  await prefetchRecord(trpc.vehicle.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <VehicleDetail id={id} />
    </HydrateClient>
  );
}
