import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PhoneInspection } from '~/components/inspections/phone-inspection';
import { parseId } from '~/lib/ids';
import { HydrateClient, prefetchRecord, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Inspection' };

/** Staff (the technician, on a phone): the work order's inspection, item by item. */
export default async function InspectPage({ params }: { params: Promise<{ id: string }> }) {
  const workOrderId = parseId((await params).id);
  if (workOrderId === null) notFound();
  await prefetchRecord(trpc.inspection.byWorkOrder.queryOptions({ workOrderId }));
  return (
    <HydrateClient>
      <PhoneInspection workOrderId={workOrderId} />
    </HydrateClient>
  );
}
