import type { Cache } from '@garage/cache';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** HTTP metrics of one API instance, labelled by procedure (never by URL or id). */
export function createMetrics(cache: Cache) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
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

  const answeredFromL1 = new Counter({
    name: 'garage_api_answered_from_l1_total',
    help: 'Cached query calls answered from L1 before tRPC ran (every call of the request was a fresh hit)',
    labelNames: ['procedure'] as const,
    registers: [registry],
  });

  return {
    /** Records calls answered from L1 without running tRPC. */
    answeredFromL1(procedures: string[]) {
      for (const procedure of procedures) answeredFromL1.inc({ procedure });
    },
    /** Records one HTTP request to /trpc: each procedure of a batch counts once. */
    observe(procedures: string[], status: number, seconds: number) {
      for (const procedure of procedures) requests.inc({ procedure, status: String(status) });
      duration.observe({ procedure: procedures.length === 1 ? procedures[0] : 'batch' }, seconds);
    },
    /** Prometheus text: HTTP and process metrics, then the cache's per-route metrics. */
    async text(): Promise<string> {
      return `${await registry.metrics()}\n${await cache.metrics()}`;
    },
    contentType: registry.contentType,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
