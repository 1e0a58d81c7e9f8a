import type { Metadata } from 'next';
import { PortalWorkOrder } from '~/components/portal/portal-work-order';
import { prefetchOwnRecord } from '~/lib/own-record';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Work order' };

/** Portal: one of the customer's own work orders, fetched on the server (404 for anyone else's). */
export default async function PortalWorkOrderPage(page: RecordPageProps) {
  const id = await pageId(page);
  await prefetchOwnRecord(trpc.workOrder.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <PortalWorkOrder id={id} />
    </HydrateClient>
  );
}
