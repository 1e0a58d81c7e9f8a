import type { Metadata } from 'next';
import { EditCustomer } from '~/components/customers/edit-customer';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Edit customer' };

/** Staff: edit a customer, the current values fetched on the server. */
export default async function EditCustomerPage(page: RecordPageProps) {
  const id = await pageId(page);
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
