import type { InvalidationEvent } from './types';

/**
 * The last invalidations of a memory-mode cache (one process, so one history), kept to replay
 * to whoever resumes from a position: at most `maxEvents`, the oldest dropped first.
 */
export class MemoryEventLog {
  readonly #events: { seq: number; event: InvalidationEvent }[] = [];

  constructor(private readonly maxEvents: number) {}

  /** Keeps the invalidation numbered `seq`. */
  record(seq: number, event: InvalidationEvent): void {
    this.#events.push({ seq, event });
    if (this.#events.length > this.maxEvents) this.#events.shift();
  }

  /**
   * The events numbered after `seq`, when the log still holds every one of them up to `current`
   * (numbers have no gaps, so it holds them all when it holds as many); undefined otherwise.
   */
  since(seq: number, current: number): InvalidationEvent[] | undefined {
    if (seq > current) return undefined;
    const after = this.#events.filter((logged) => logged.seq > seq);
    return after.length === current - seq ? after.map((logged) => logged.event) : undefined;
  }
}
