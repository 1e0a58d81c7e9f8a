import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CustomerDetail } from '~/components/customers/customer-detail';
import { parseId } from '~/lib/ids';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Customer' };

/** Staff: one customer with their vehicles, fetched on the server (one API call). */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  await prefetchRecord(trpc.customer.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <CustomerDetail id={id} />
    </HydrateClient>
  );
}
