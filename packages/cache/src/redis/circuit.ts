import { CacheError } from '../errors';

/** Opens after `failureThreshold` consecutive failures; after `probeAfterMs` lets one probe through. */
export class CircuitBreaker {
  #failures = 0;
  #openedAt: number | undefined;
  #probing = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly probeAfterMs: number,
  ) {}

  get isOpen(): boolean {
    return this.#openedAt !== undefined;
  }

  /** Closes the circuit at once: a fresh connection is proof that Redis answers again. */
  reset(): void {
    this.#failures = 0;
    this.#openedAt = undefined;
  }

  /** Runs `operation` unless the circuit is open (then rejects at once with CIRCUIT_OPEN). */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#openedAt !== undefined) {
      const probeDue = performance.now() - this.#openedAt >= this.probeAfterMs;
      if (!probeDue || this.#probing) throw new CacheError('CIRCUIT_OPEN', 'Redis circuit is open');
      this.#probing = true;
    }
    try {
      const result = await operation();
      this.#failures = 0;
      this.#openedAt = undefined;
      return result;
    } catch (error) {
      this.#failures++;
      if (this.#openedAt !== undefined || this.#failures >= this.failureThreshold) {
        this.#openedAt = performance.now();
      }
      throw error;
    } finally {
      this.#probing = false;
    }
  }
}
