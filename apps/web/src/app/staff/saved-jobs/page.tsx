import type { Metadata } from 'next';
import { SavedJobsSettings } from '~/components/saved-jobs/saved-jobs-settings';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Saved jobs' };

/** Staff: the saved jobs an estimate is written with in one click. */
export default async function SavedJobsPage() {
  await getQueryClient().prefetchQuery(trpc.savedJob.list.queryOptions());
  return (
    <HydrateClient>
      <h1>Saved jobs</h1>
      <SavedJobsSettings />
    </HydrateClient>
  );
}
