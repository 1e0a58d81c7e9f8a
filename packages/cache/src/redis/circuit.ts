import { CacheError } from '../errors';

/** Settings of the breaker, and who hears it open and close. */
export interface CircuitOptions {
  failureThreshold: number;
  probeAfterMs: number;
  /** Called once when the circuit opens (true) and once when it closes again (false). */
  onChange?: (open: boolean) => void;
}

/** Opens after `failureThreshold` consecutive failures; after `probeAfterMs` lets one probe through. */
export class CircuitBreaker {
  #failures = 0;
  #openedAt: number | undefined;
  #probing = false;

  constructor(private readonly options: CircuitOptions) {}

  get isOpen(): boolean {
    return this.#openedAt !== undefined;
  }

  /** Closes the circuit at once: a fresh connection is proof that Redis answers again. */
  reset(): void {
    this.#failures = 0;
    this.#close();
  }

  /** Runs `operation` unless the circuit is open (then rejects at once with CIRCUIT_OPEN). */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#openedAt !== undefined) {
      const probeDue = performance.now() - this.#openedAt >= this.options.probeAfterMs;
      if (!probeDue || this.#probing) throw new CacheError('CIRCUIT_OPEN', 'Redis circuit is open');
      this.#probing = true;
    }
    try {
      const result = await operation();
      this.#failures = 0;
      this.#close();
      return result;
    } catch (error) {
      this.#failures++;
      if (this.#openedAt !== undefined || this.#failures >= this.options.failureThreshold) {
        this.#open();
      }
      throw error;
    } finally {
      this.#probing = false;
    }
  }

  #open(): void {
    const wasOpen = this.#openedAt !== undefined;
    this.#openedAt = performance.now();
    if (!wasOpen) this.options.onChange?.(true);
  }

  #close(): void {
    if (this.#openedAt === undefined) return;
    this.#openedAt = undefined;
    this.options.onChange?.(false);
  }
}
