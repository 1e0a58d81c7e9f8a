import type { Cache } from '@garage/cache';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Metrics of one API instance, labelled by procedure or cache route (never by URL, id or key). */
export function createMetrics(cache: Cache) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  cache.registerMetrics(registry);
  const requests = new Counter({
    name: 'garage_api_requests_total',
    help: 'tRPC procedure calls by procedure and HTTP status',
    labelNames: ['procedure', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'garage_api_request_duration_seconds',
    help: 'HTTP request duration; batched calls are labelled "batch"',
    labelNames: ['procedure'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  const answeredFromCache = new Counter({
    name: 'garage_api_answered_from_cache_total',
    help: 'Cached query calls answered with their stored bytes before tRPC ran (an L1 or Redis hit, not a load)',
    labelNames: ['procedure'] as const,
    registers: [registry],
  });

  const liveStreams = new Gauge({
    name: 'garage_api_live_streams',
    help: 'Live (server-sent events) streams open on this instance',
    registers: [registry],
  });
  const liveEvents = new Counter({
    name: 'garage_api_live_events_sent_total',
    help: 'Invalidation events sent to live streams (after each principal’s filter)',
    registers: [registry],
  });
  const liveFrames = new Counter({
    name: 'garage_api_live_frames_made_total',
    help: 'Invalidation events filtered and serialized for live streams: once per audience (all staff, one customer) that hears one, whatever its number of streams',
    registers: [registry],
  });

  // prom-client hashes a label set on every call; these few (procedures are known, unknown
  // names are grouped) are hashed once each.
  const answeredOf = childrenOf((procedure) => answeredFromCache.labels({ procedure }));
  const requestsOf = childrenOf((key) => {
    const [procedure, status] = key.split(' ');
    return requests.labels({ procedure, status });
  });
  const durationOf = childrenOf((procedure) => duration.labels({ procedure }));

  return {
    /** What the live hub reports: streams open, frames made, events sent. */
    live: {
      streamsChanged: (open: number) => liveStreams.set(open),
      frameMade: () => liveFrames.inc(),
      eventsSent: (count: number) => liveEvents.inc(count),
    },
    /** Records calls answered from the cache's stored bytes without tRPC's HTTP handling. */
    answeredFromCache(procedures: readonly string[]) {
      for (const procedure of procedures) answeredOf(procedure).inc();
    },
    /** Records one HTTP request to /trpc: each procedure of a batch counts once. */
    observe(procedures: readonly string[], status: number, seconds: number) {
      for (const procedure of procedures) requestsOf(`${procedure} ${status}`).inc();
      durationOf(procedures.length === 1 ? (procedures[0] ?? 'unknown') : 'batch').observe(seconds);
    },
    /** Prometheus text: HTTP, process and cache metrics (the cache's labelled by route). */
    text(): Promise<string> {
      return registry.metrics();
    },
    contentType: registry.contentType,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** One labelled child per key, made on first use. */
function childrenOf<T>(make: (key: string) => T): (key: string) => T {
  const children = new Map<string, T>();
  return (key) => {
    let child = children.get(key);
    if (!child) {
      child = make(key);
      children.set(key, child);
    }
    return child;
  };
}
