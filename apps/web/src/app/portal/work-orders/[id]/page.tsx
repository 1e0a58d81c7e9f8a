import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PortalWorkOrder } from '~/components/portal/portal-work-order';
import { parseId } from '~/lib/ids';
import { prefetchOwnRecord } from '~/lib/own-record';
import { HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Work order' };

/** Portal: one of the customer's own work orders, fetched on the server (404 for anyone else's). */
export default async function PortalWorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  await prefetchOwnRecord(trpc.workOrder.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <PortalWorkOrder id={id} />
    </HydrateClient>
  );
}
