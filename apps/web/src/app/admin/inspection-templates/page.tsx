import type { Metadata } from 'next';
import { TemplateSettings } from '~/components/inspections/template-settings';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Inspection templates' };

/** Admin: the multi-point inspections technicians fill in. */
export default async function InspectionTemplatesPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.inspection.templates.queryOptions()),
    queryClient.prefetchQuery(trpc.savedJob.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <h1>Inspection templates</h1>
      <TemplateSettings />
    </HydrateClient>
  );
}
