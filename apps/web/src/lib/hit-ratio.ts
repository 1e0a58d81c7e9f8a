import type { RouterOutputs } from '@garage/api';

/** Counters of one route as cache.stats reports them (fields the panel needs). */
export type RouteCounters = Pick<
  RouterOutputs['cache']['stats']['routes'][number],
  'route' | 'l1Hits' | 'l2Hits' | 'misses'
>;

/** One sample of the overall hit ratio, taken when the panel polled. */
export interface RatioSample {
  at: number;
  ratio: number | null;
}

/** Hits / (hits + misses), or null when nothing was asked (no division by zero). */
export function hitRatio(hits: number, misses: number): number | null {
  const total = hits + misses;
  return total === 0 ? null : hits / total;
}

/** Sums every route's counters. */
export function totals(routes: readonly RouteCounters[]): { hits: number; misses: number } {
  let hits = 0;
  let misses = 0;
  for (const route of routes) {
    hits += route.l1Hits + route.l2Hits;
    misses += route.misses;
  }
  return { hits, misses };
}

/**
 * The ratio over the last poll interval (counters are cumulative, so we diff them);
 * a counter that went down means the API restarted, and the new totals are used.
 */
export function intervalSample(
  previous: { hits: number; misses: number } | undefined,
  current: { hits: number; misses: number },
  at: number,
): RatioSample {
  const restarted = previous && (current.hits < previous.hits || current.misses < previous.misses);
  const base = previous && !restarted ? previous : { hits: 0, misses: 0 };
  return { at, ratio: hitRatio(current.hits - base.hits, current.misses - base.misses) };
}

/** Appends a sample and keeps only the most recent `max`. */
export function pushSample(samples: readonly RatioSample[], sample: RatioSample, max = 60) {
  return [...samples, sample].slice(-max);
}

/** SVG polyline points for the samples in a width x height box (ratio 1 at the top). */
export function chartPoints(samples: readonly RatioSample[], width: number, height: number) {
  const step = samples.length > 1 ? width / (samples.length - 1) : 0;
  const points: string[] = [];
  samples.forEach((sample, index) => {
    if (sample.ratio === null) return;
    const x = Math.round(index * step * 10) / 10;
    const y = Math.round((1 - sample.ratio) * height * 10) / 10;
    points.push(`${x},${y}`);
  });
  return points.join(' ');
}

/** "87.5 %", or an en dash when there is no ratio yet. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '–' : `${(ratio * 100).toFixed(1)} %`;
}
