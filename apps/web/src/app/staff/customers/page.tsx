import type { Metadata } from 'next';
import { CustomerList } from '~/components/customers/customer-list';
import { customerPageSize, nextCursor } from '~/lib/lists';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Customers' };

/** Staff: the customer list, its first page fetched on the server. */
export default async function CustomersPage() {
  await getQueryClient().prefetchInfiniteQuery(
    trpc.customer.list.infiniteQueryOptions(
      { limit: customerPageSize },
      { getNextPageParam: nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <h1>Customers</h1>
      <CustomerList />
    </HydrateClient>
  );
}
