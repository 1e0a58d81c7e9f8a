import { describe, expect, it } from 'vitest';
import { BusLag } from '../src/bus-lag';

describe('bus lag histogram', () => {
  it('counts each lag in the first bucket that holds it, cumulatively, in seconds', () => {
    const lag = new BusLag();
    const sent = 1_700_000_000_000;
    for (const ms of [0.05, 0.3, 0.3, 4, 2_000]) lag.observe(sent, sent + ms);
    // A clock behind the sender's counts as no lag; a message without a stamp is not counted.
    lag.observe(sent, sent - 3);
    lag.observe(Number(undefined), sent);
    const text = lag.render().join('\n');
    expect(text).toContain('cache_bus_lag_seconds_bucket{le="0.0001"} 2');
    expect(text).toContain('cache_bus_lag_seconds_bucket{le="0.0005"} 4');
    expect(text).toContain('cache_bus_lag_seconds_bucket{le="0.005"} 5');
    expect(text).toContain('cache_bus_lag_seconds_bucket{le="1"} 5');
    expect(text).toContain('cache_bus_lag_seconds_bucket{le="+Inf"} 6');
    expect(text).toContain('cache_bus_lag_seconds_count 6');
    expect(text).toMatch(/cache_bus_lag_seconds_sum 2\.0046/);
  });
});
