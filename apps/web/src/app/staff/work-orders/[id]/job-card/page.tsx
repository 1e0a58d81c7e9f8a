import type { Metadata } from 'next';
import { JobCard } from '~/components/work-orders/job-card';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { getQueryClient, HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Job card' };

/**
 * Staff: a work order's job card for the technician, fetched on the server with its vehicle's
 * record (the work order carries no colour). The layout has prefetched the shop's profile.
 */
export default async function JobCardPage(page: RecordPageProps) {
  const id = await pageId(page);
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
