import type { Metadata } from 'next';
import { NewVehicle } from '~/components/vehicles/new-vehicle';
import { parseId } from '~/lib/ids';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'New vehicle' };

/** Staff: create a vehicle; `?ownerId=` (from a customer's page) picks the owner up front. */
export default async function NewVehiclePage({
  searchParams,
}: {
  searchParams: Promise<{ ownerId?: string | string[] }>;
}) {
  const raw = (await searchParams).ownerId;
  const ownerId = parseId(typeof raw === 'string' ? raw : undefined);
  if (ownerId !== null) {
    await getQueryClient().prefetchQuery(trpc.customer.byId.queryOptions({ id: ownerId }));
  }
  return (
    <section className="narrow">
      <h1>New vehicle</h1>
      <HydrateClient>
        <NewVehicle ownerId={ownerId} />
      </HydrateClient>
    </section>
  );
}
