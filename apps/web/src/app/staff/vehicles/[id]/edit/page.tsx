import type { Metadata } from 'next';
import { EditVehicle } from '~/components/vehicles/edit-vehicle';
import { pageId, type RecordPageProps } from '~/lib/page-id';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Edit vehicle' };

/** Staff: edit a vehicle or move it to another owner. */
export default async function EditVehiclePage(page: RecordPageProps) {
  const id = await pageId(page);
  await prefetchRecord(trpc.vehicle.byId.queryOptions({ id }));
  return (
    <section className="narrow">
      <h1>Edit vehicle</h1>
      <HydrateClient>
        <EditVehicle id={id} />
      </HydrateClient>
    </section>
  );
}
