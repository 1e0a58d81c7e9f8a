import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PortalVehicle } from '~/components/portal/portal-vehicle';
import { parseId } from '~/lib/ids';
import { prefetchOwnRecord } from '~/lib/own-record';
import { HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Vehicle' };

/** Portal: one of the customer's own vehicles and its history (404 for anyone else's). */
export default async function PortalVehiclePage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  await prefetchOwnRecord(trpc.vehicle.history.queryOptions({ vehicleId: id }));
  return (
    <HydrateClient>
      <PortalVehicle id={id} />
    </HydrateClient>
  );
}
