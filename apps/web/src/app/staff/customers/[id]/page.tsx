import type { Metadata } from 'next';
import { CustomerDetail } from '~/components/customers/customer-detail';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Customer' };

/** Staff: one customer with their vehicles, fetched on the server (one API call). */
export default async function CustomerPage(page: RecordPageProps) {
  const id = await pageId(page);
  await prefetchRecord(trpc.customer.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <CustomerDetail id={id} />
    </HydrateClient>
  );
}
