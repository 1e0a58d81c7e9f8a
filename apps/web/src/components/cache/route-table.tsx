import type { RouterOutputs } from '@garage/api';
import { formatDuration } from '~/lib/format';
import { formatRatio, hitRatio } from '~/lib/hit-ratio';

/** One route's row of cache.stats. */
export type RouteStats = RouterOutputs['cache']['stats']['routes'][number];

/** Per-route hits, misses, hit ratio, stale served, errors and the loader time hits saved. */
export function RouteTable({ routes }: { routes: readonly RouteStats[] }) {
  return (
    <section aria-labelledby="routes-title" className="card">
      <h2 id="routes-title">Routes</h2>
      {routes.length === 0 ? (
        <p className="state">No cached route has been called since the API started.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Route</th>
                <th scope="col" className="num">
                  Hit ratio
                </th>
                <th scope="col" className="num">
                  L1 hits
                </th>
                <th scope="col" className="num">
                  L2 hits
                </th>
                <th scope="col" className="num">
                  Misses
                </th>
                <th scope="col" className="num">
                  Stale served
                </th>
                <th scope="col" className="num">
                  Errors
                </th>
                <th scope="col" className="num">
                  Invalidations
                </th>
                <th scope="col" className="num">
                  Avg loader
                </th>
                <th scope="col" className="num">
                  Time saved
                </th>
              </tr>
            </thead>
            <tbody>
              {routes.map((route) => {
                const hits = route.l1Hits + route.l2Hits;
                return (
                  <tr key={route.route}>
                    <th scope="row">
                      <code>{route.route}</code>
                    </th>
                    <td className="num">{formatRatio(hitRatio(hits, route.misses))}</td>
                    <td className="num">{route.l1Hits}</td>
                    <td className="num">{route.l2Hits}</td>
                    <td className="num">{route.misses}</td>
                    <td className="num">{route.staleServed}</td>
                    <td className="num">{route.errors}</td>
                    <td className="num">{route.invalidations}</td>
                    <td className="num">{formatDuration(route.avgLoaderMs)}</td>
                    <td className="num">{formatDuration(hits * route.avgLoaderMs)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        Time saved: hits × the route’s average loader time (what the database would have spent).
      </p>
    </section>
  );
}
