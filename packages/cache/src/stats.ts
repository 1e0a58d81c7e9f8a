import type { RouteStats } from './types';

/** Per-route counters; routes are the only label, never keys. */
export class StatsRegistry {
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

const COUNTERS: [keyof RouteStats, string, string][] = [
  ['l1Hits', 'cache_l1_hits_total', 'Hits served from process memory'],
  ['l2Hits', 'cache_l2_hits_total', 'Hits served from Redis'],
  ['misses', 'cache_misses_total', 'Lookups that ran the loader'],
  ['staleServed', 'cache_stale_served_total', 'Stale values served within grace'],
  ['errors', 'cache_errors_total', 'Loader or Redis errors'],
  ['loaderCalls', 'cache_loader_calls_total', 'Loader runs'],
  ['loaderMsTotal', 'cache_loader_ms_total', 'Milliseconds spent in loaders'],
  ['invalidations', 'cache_route_invalidations_total', 'Route invalidations'],
];

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Renders Prometheus text exposition with a `route` label only. */
export function renderPrometheus(
  routes: Record<string, RouteStats>,
  gauges: { l1Entries: number; l1Bytes: number; redisUp: number },
): string {
  const lines: string[] = [];
  for (const [field, name, help] of COUNTERS) {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
    for (const [route, stats] of Object.entries(routes)) {
      lines.push(`${name}{route="${label(route)}"} ${stats[field]}`);
    }
  }
  lines.push('# HELP cache_l1_entries Entries in process memory', '# TYPE cache_l1_entries gauge');
  lines.push(`cache_l1_entries ${gauges.l1Entries}`);
  lines.push('# HELP cache_l1_bytes Bytes in process memory', '# TYPE cache_l1_bytes gauge');
  lines.push(`cache_l1_bytes ${gauges.l1Bytes}`);
  lines.push('# HELP cache_redis_up 1 when Redis is in use', '# TYPE cache_redis_up gauge');
  lines.push(`cache_redis_up ${gauges.redisUp}`);
  return `${lines.join('\n')}\n`;
}
