import type { Metadata } from 'next';
import { WorkOrderList } from '~/components/work-orders/work-order-list';
import { nextCursor, workOrderPageSize } from '~/lib/lists';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Work orders' };

/** Staff: the work-order list, its first page and the technicians fetched on the server. */
export default async function WorkOrdersPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.workOrder.list.infiniteQueryOptions(
        { limit: workOrderPageSize },
        { getNextPageParam: nextCursor },
      ),
    ),
    queryClient.prefetchQuery(trpc.workOrder.technicians.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <h1>Work orders</h1>
      <p className="muted">A work order is opened from its vehicle's page (New work order).</p>
      <WorkOrderList />
    </HydrateClient>
  );
}
