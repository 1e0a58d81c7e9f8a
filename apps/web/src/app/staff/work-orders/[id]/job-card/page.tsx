import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JobCard } from '~/components/work-orders/job-card';
import { parseId } from '~/lib/ids';
import { getQueryClient, HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Job card' };

/**
 * Staff: a work order's job card for the technician, fetched on the server with its vehicle's
 * record (the work order carries no colour). The layout has prefetched the shop's profile.
 */
export default async function JobCardPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  const workOrder = trpc.workOrder.byId.queryOptions({ id });
  await prefetchRecord(workOrder);
  const vehicleId = getQueryClient().getQueryData(workOrder.queryKey)?.vehicle.id;
  if (vehicleId !== undefined) {
    await getQueryClient().prefetchQuery(trpc.vehicle.byId.queryOptions({ id: vehicleId }));
  }
  return (
    <HydrateClient>
      <JobCard id={id} />
    </HydrateClient>
  );
}
