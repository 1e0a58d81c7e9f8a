import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EditVehicle } from '~/components/vehicles/edit-vehicle';
import { parseId } from '~/lib/ids';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Edit vehicle' };

/** Staff: edit a vehicle or move it to another owner. */
export default async function EditVehiclePage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
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
