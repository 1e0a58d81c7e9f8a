import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { RouteStatsRegistry } from './route-stats';
import type { RouteStats } from './types';

/** Upper bounds (ms) of the bus-lag buckets: fine below 5 ms, where loopback delivery lands. */
const busLagBoundsMs = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 25, 50, 100, 250, 1000];

const routeCounters: [keyof RouteStats, string, string, number][] = [
  ['l1Hits', 'cache_l1_hits_total', 'Hits served from process memory', 1],
  ['l2Hits', 'cache_l2_hits_total', 'Hits served from Redis', 1],
  ['misses', 'cache_misses_total', 'Lookups that ran the loader', 1],
  ['staleServed', 'cache_stale_served_total', 'Stale values served within grace', 1],
  ['errors', 'cache_errors_total', 'Loader errors', 1],
  ['loaderCalls', 'cache_loader_calls_total', 'Loader runs', 1],
  ['loaderMsTotal', 'cache_loader_seconds_total', 'Time spent in loaders', 1 / 1000],
  ['invalidations', 'cache_route_invalidations_total', 'Route invalidations', 1],
];

/** What the gauges read when Prometheus scrapes. */
export interface GaugeReadings {
  l1Entries: number;
  l1Bytes: number;
  /** 1 while Redis is in use (circuit closed, nothing queued for replay). */
  redisUp: number;
}

/**
 * The cache's metrics. Per-route counts are plain numbers on the hot path (`routes`), copied
 * into prom-client counters when scraped; the bus lag is a prom-client histogram. The only
 * label is the route.
 */
export class CacheMetrics {
  readonly routes = new RouteStatsRegistry();
  readonly #busLag = new Histogram({
    name: 'cache_bus_lag_seconds',
    help: "Invalidations from the publishing instance to this L1 (sender's clock to ours)",
    buckets: busLagBoundsMs.map((ms) => ms / 1000),
    registers: [],
  });

  /**
   * Records one bus message stamped `sentAtMs` by its publisher (epoch ms), applied here at
   * `appliedAtMs`. Between processes of one host that is the delivery time; across hosts it
   * also holds their clock difference, which is why it is only observed, never used.
   */
  observeBusLag(sentAtMs: number, appliedAtMs: number): void {
    if (!Number.isFinite(sentAtMs)) return;
    this.#busLag.observe(Math.max(0, appliedAtMs - sentAtMs) / 1000);
  }

  /** Registers every cache metric in `registry`; `gauges` is read at each scrape. */
  register(registry: Registry, gauges: () => GaugeReadings): void {
    const routes = this.routes;
    for (const [field, name, help, scale] of routeCounters) {
      new Counter({
        name,
        help,
        labelNames: ['route'] as const,
        registers: [registry],
        collect() {
          this.reset();
          for (const [route, stats] of Object.entries(routes.snapshot())) {
            this.inc({ route }, stats[field] * scale);
          }
        },
      });
    }
    const gauge = (name: string, help: string, read: (readings: GaugeReadings) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(gauges()));
        },
      });
    gauge('cache_l1_entries', 'Entries in process memory', (g) => g.l1Entries);
    gauge('cache_l1_bytes', 'Bytes L1 charges its entries', (g) => g.l1Bytes);
    gauge('cache_redis_up', '1 when Redis is in use', (g) => g.redisUp);
    registry.registerMetric(this.#busLag);
  }
}
