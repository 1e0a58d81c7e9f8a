import type { RouterOutputs } from '@garage/api';
import { type Column, DataTable } from '~/components/data-table';
import { formatDuration } from '~/lib/format';
import { formatRatio, hitRatio } from '~/lib/hit-ratio';

/** One route's row of cache.stats. */
export type RouteStats = RouterOutputs['cache']['stats']['routes'][number];

const hitsOf = (route: RouteStats) => route.l1Hits + route.l2Hits;

/** A column of one of the route's counters. */
const count = (header: string, of: (route: RouteStats) => number): Column<RouteStats> => ({
  header,
  cell: of,
  numeric: true,
});

const columns: Column<RouteStats>[] = [
  { header: 'Route', cell: (route) => <code>{route.route}</code>, rowHeader: true },
  {
    header: 'Hit ratio',
    cell: (route) => formatRatio(hitRatio(hitsOf(route), route.misses)),
    numeric: true,
  },
  count('L1 hits', (route) => route.l1Hits),
  count('L2 hits', (route) => route.l2Hits),
  count('Misses', (route) => route.misses),
  count('Stale served', (route) => route.staleServed),
  count('Errors', (route) => route.errors),
  count('Invalidations', (route) => route.invalidations),
  { header: 'Avg loader', cell: (route) => formatDuration(route.avgLoaderMs), numeric: true },
  {
    header: 'Time saved',
    cell: (route) => formatDuration(hitsOf(route) * route.avgLoaderMs),
    numeric: true,
  },
];

/** Per-route hits, misses, hit ratio, stale served, errors and the loader time hits saved. */
export function RouteTable({ routes }: { routes: readonly RouteStats[] }) {
  return (
    <section aria-labelledby="routes-title" className="card">
      <h2 id="routes-title">Routes</h2>
      <DataTable
        columns={columns}
        rows={routes}
        rowKey={(route) => route.route}
        empty="No cached route has been called since the API started."
      />
      <p className="muted">
        Time saved: hits × the route’s average loader time (what the database would have spent).
      </p>
    </section>
  );
}
