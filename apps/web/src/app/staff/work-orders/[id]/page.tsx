import type { Metadata } from 'next';
import { WorkOrderDetail } from '~/components/work-orders/work-order-detail';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { getQueryClient, HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Work order' };

/** Staff: one work order, fetched on the server with the technicians its picker offers. */
export default async function WorkOrderPage(page: RecordPageProps) {
  const id = await pageId(page);
  await Promise.all([
    prefetchRecord(trpc.workOrder.byId.queryOptions({ id })),
    getQueryClient().prefetchQuery(trpc.workOrder.technicians.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <WorkOrderDetail id={id} />
    </HydrateClient>
  );
}
