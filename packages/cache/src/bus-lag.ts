/** Upper bounds (ms) of the bus-lag buckets: fine below 5 ms, where loopback delivery lands. */
const boundsMs = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 25, 50, 100, 250, 1000];

/**
 * How long invalidations took from the publishing instance to this one's L1: the publisher
 * stamps each message with its wall clock, the receiver subtracts it from its own. Between
 * processes of one host that is the delivery time; across hosts it also holds their clock
 * difference, which is why it is only observed, never used to decide anything.
 */
export class BusLag {
  readonly #counts = new Array<number>(boundsMs.length + 1).fill(0);
  #sumMs = 0;
  #total = 0;

  /** Records one message stamped `sentAtMs` (epoch ms), applied at this host's `appliedAtMs`. */
  observe(sentAtMs: number, appliedAtMs: number): void {
    if (!Number.isFinite(sentAtMs)) return;
    const lagMs = Math.max(0, appliedAtMs - sentAtMs);
    const bucket = boundsMs.findIndex((bound) => lagMs <= bound);
    const index = bucket === -1 ? boundsMs.length : bucket;
    this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    this.#sumMs += lagMs;
    this.#total++;
  }

  /** Prometheus histogram `cache_bus_lag_seconds` (cumulative buckets, as the format wants). */
  render(): string[] {
    const name = 'cache_bus_lag_seconds';
    const lines = [
      `# HELP ${name} Invalidations from the publishing instance to this L1 (sender's clock to ours)`,
      `# TYPE ${name} histogram`,
    ];
    let cumulative = 0;
    boundsMs.forEach((bound, i) => {
      cumulative += this.#counts[i] ?? 0;
      lines.push(`${name}_bucket{le="${bound / 1000}"} ${cumulative}`);
    });
    lines.push(`${name}_bucket{le="+Inf"} ${this.#total}`);
    lines.push(`${name}_sum ${this.#sumMs / 1000}`, `${name}_count ${this.#total}`);
    return lines;
  }
}

/** This host's wall clock in epoch ms, to a fraction of a millisecond. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
