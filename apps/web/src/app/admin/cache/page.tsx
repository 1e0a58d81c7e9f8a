import type { Metadata } from 'next';
import { CachePanel } from '~/components/cache/cache-panel';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Cache' };

/** Admin: the cache panel, its stats fetched on the server. */
export default async function CachePage() {
  await getQueryClient().prefetchQuery(trpc.cache.stats.queryOptions());
  return (
    <HydrateClient>
      <h1>Cache</h1>
      <CachePanel />
    </HydrateClient>
  );
}
