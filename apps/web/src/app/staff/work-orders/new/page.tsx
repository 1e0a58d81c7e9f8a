import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NewWorkOrder } from '~/components/work-orders/new-work-order-form';
import { parseId } from '~/lib/ids';
import { concernFromQuery } from '~/lib/new-work-order';
import { getQueryClient, HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'New work order' };

/**
 * Staff: open a work order for the vehicle named by `?vehicleId=` (from the vehicle's page, or a
 * service due soon, which names the work in `?concern=`).
 */
export default async function NewWorkOrderPage({
  searchParams,
}: {
  searchParams: Promise<{ vehicleId?: string | string[]; concern?: string | string[] }>;
}) {
  const query = await searchParams;
  const raw = query.vehicleId;
  const vehicleId = parseId(typeof raw === 'string' ? raw : undefined);
  if (vehicleId === null) notFound();
  await Promise.all([
    prefetchRecord(trpc.vehicle.byId.queryOptions({ id: vehicleId })),
    getQueryClient().prefetchQuery(trpc.workOrder.technicians.queryOptions()),
  ]);
  return (
    <section className="narrow">
      <h1>New work order</h1>
      <HydrateClient>
        <NewWorkOrder vehicleId={vehicleId} concern={concernFromQuery(query.concern)} />
      </HydrateClient>
    </section>
  );
}
