'use client';

import { useQuery } from '@tanstack/react-query';
import { Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { AuditList } from './audit-list';
import { CacheSummary } from './cache-summary';
import { ClearControls } from './clear-controls';
import { EntryBrowser } from './entry-browser';
import { HitRatioChart } from './hit-ratio-chart';
import { RouteTable } from './route-table';

/** How often the panel polls cache.stats (and the chart gains a point). */
const pollMs = 5_000;

/** Admin cache panel: mode, sizes, per-route stats, chart, entries, clears and audit. */
export function CachePanel() {
  const trpc = useTRPC();
  const stats = useQuery({
    ...trpc.cache.stats.queryOptions(),
    staleTime: 0,
    refetchInterval: pollMs,
  });
  if (stats.isPending) return <Loading what="cache statistics" />;
  if (stats.isError) return <Failed error={stats.error} retry={() => stats.refetch()} />;
  const routes = stats.data.routes.map((route) => route.route);
  return (
    <>
      <CacheSummary stats={stats.data} />
      <HitRatioChart routes={stats.data.routes} updatedAt={stats.dataUpdatedAt} pollMs={pollMs} />
      <RouteTable routes={stats.data.routes} />
      <ClearControls routes={routes} />
      <EntryBrowser routes={routes} />
      <AuditList />
    </>
  );
}
