import { describe, expect, it } from 'vitest';
import {
  chartPoints,
  formatRatio,
  hitRatio,
  intervalSample,
  pushSample,
  totals,
} from '~/lib/hit-ratio';

describe('hit ratio shaping', () => {
  it('computes a ratio and none when nothing was asked', () => {
    expect(hitRatio(3, 1)).toBe(0.75);
    expect(hitRatio(0, 0)).toBeNull();
    expect(formatRatio(0.875)).toBe('87.5 %');
    expect(formatRatio(null)).toBe('–');
  });

  it('sums L1 and L2 hits of every route', () => {
    expect(
      totals([
        { route: 'customer.list', l1Hits: 5, l2Hits: 1, misses: 2 },
        { route: 'vehicle.byId', l1Hits: 0, l2Hits: 4, misses: 8 },
      ]),
    ).toEqual({ hits: 10, misses: 10 });
  });

  it('diffs cumulative counters between polls and survives an API restart', () => {
    expect(intervalSample({ hits: 10, misses: 10 }, { hits: 19, misses: 11 }, 1).ratio).toBe(0.9);
    expect(intervalSample({ hits: 100, misses: 10 }, { hits: 3, misses: 1 }, 2).ratio).toBe(0.75);
    expect(intervalSample({ hits: 1, misses: 1 }, { hits: 1, misses: 1 }, 3).ratio).toBeNull();
  });

  it('keeps a bounded window of samples', () => {
    let samples = [{ at: 0, ratio: 0.5 }];
    for (let at = 1; at <= 5; at++) samples = pushSample(samples, { at, ratio: 1 }, 3);
    expect(samples.map((sample) => sample.at)).toEqual([3, 4, 5]);
  });

  it('maps samples to SVG points with ratio 1 at the top and gaps skipped', () => {
    const points = chartPoints(
      [
        { at: 0, ratio: 0 },
        { at: 1, ratio: null },
        { at: 2, ratio: 1 },
      ],
      100,
      50,
    );
    expect(points).toBe('0,50 100,0');
  });
});
