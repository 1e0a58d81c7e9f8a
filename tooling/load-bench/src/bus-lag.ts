import { call } from './http';

/** Cumulative counts of an instance's `cache_bus_lag_seconds` histogram, by upper bound (ms). */
export interface BusLagReading {
  buckets: { boundMs: number; count: number }[];
  count: number;
  sumMs: number;
}

/** Reads the bus-lag histogram (publisher's send time to this instance's L1) from /metrics. */
export async function readBusLag(port: number): Promise<BusLagReading> {
  const reply = await call(port, 'GET', '/metrics', { timeoutMs: 5_000 });
  const buckets: BusLagReading['buckets'] = [];
  let count = 0;
  let sumMs = 0;
  for (const line of reply.body.split('\n')) {
    const bucket = /^cache_bus_lag_seconds_bucket\{le="([^"]+)"\} (\S+)$/.exec(line);
    if (bucket) {
      const boundMs = bucket[1] === '+Inf' ? Infinity : Number(bucket[1]) * 1000;
      buckets.push({ boundMs, count: Number(bucket[2]) });
    } else if (line.startsWith('cache_bus_lag_seconds_count ')) {
      count = Number(line.split(' ')[1]);
    } else if (line.startsWith('cache_bus_lag_seconds_sum ')) {
      sumMs = Number(line.split(' ')[1]) * 1000;
    }
  }
  return { buckets, count, sumMs };
}

/** What was observed between two readings: messages, mean, and p50 / p99 as bucket bounds. */
export function busLagBetween(before: BusLagReading, after: BusLagReading) {
  const count = after.count - before.count;
  const upTo = (p: number) => {
    const wanted = Math.ceil((p / 100) * count);
    for (const [i, bucket] of after.buckets.entries()) {
      if (bucket.count - (before.buckets[i]?.count ?? 0) >= wanted) return bucket.boundMs;
    }
    return Number.NaN;
  };
  return {
    messages: count,
    meanMs: count > 0 ? (after.sumMs - before.sumMs) / count : Number.NaN,
    p50AtMostMs: count > 0 ? upTo(50) : Number.NaN,
    p99AtMostMs: count > 0 ? upTo(99) : Number.NaN,
  };
}

export type BusLag = ReturnType<typeof busLagBetween>;
