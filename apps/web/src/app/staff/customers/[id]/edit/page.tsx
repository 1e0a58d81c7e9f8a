import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EditCustomer } from '~/components/customers/edit-customer';
import { parseId } from '~/lib/ids';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Edit customer' };

/** Staff: edit a customer, the current values fetched on the server. */
export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  await prefetchRecord(trpc.customer.byId.queryOptions({ id }));
  return (
    <section className="narrow">
      <h1>Edit customer</h1>
      <HydrateClient>
        <EditCustomer id={id} />
      </HydrateClient>
    </section>
  );
}
