import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WorkOrderDetail } from '~/components/work-orders/work-order-detail';
import { parseId } from '~/lib/ids';
import { getQueryClient, HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Work order' };

/** Staff: one work order, fetched on the server with the technicians its picker offers. */
export default async function WorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
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
