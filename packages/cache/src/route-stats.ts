import type { RouteStats } from './types';

/** Per-route counters; routes are the only label, never keys. Plain numbers: hits count on the hot path. */
export class RouteStatsRegistry {
  #routes = new Map<string, RouteStats>();

  /** The mutable counters of `route`. */
  route(route: string): RouteStats {
    let stats = this.#routes.get(route);
    if (!stats) {
      stats = {
        l1Hits: 0,
        l2Hits: 0,
        misses: 0,
        staleServed: 0,
        errors: 0,
        loaderCalls: 0,
        loaderMsTotal: 0,
        invalidations: 0,
      };
      this.#routes.set(route, stats);
    }
    return stats;
  }

  /** A copy of every route's counters. */
  snapshot(): Record<string, RouteStats> {
    const out: Record<string, RouteStats> = {};
    for (const [route, stats] of this.#routes) out[route] = { ...stats };
    return out;
  }
}
