/**
 * The events waiting for one open stream, read by its async generator. A reader that falls
 * behind by `max` events gets one `overflow` in their place (for live screens: "refetch all"),
 * so a stalled client costs the instance a bounded amount of memory.
 */
export class EventQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #wake: (() => void) | undefined;
  #ended: { error: unknown } | undefined;

  constructor(
    private readonly max: number,
    private readonly overflow: T,
  ) {}

  /** Queues one event (ignored once the queue has ended). */
  push(item: T): void {
    if (this.#ended) return;
    if (this.#items.length >= this.max) this.#items = [this.overflow];
    else this.#items.push(item);
    this.#wakeReader();
  }

  /** Ends the iteration after what is queued; with an error, the reader throws it instead. */
  end(error?: unknown): void {
    if (this.#ended) return;
    this.#ended = { error };
    if (error !== undefined) this.#items = [];
    this.#wakeReader();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    while (true) {
      const next = this.#items.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.#ended) {
        if (this.#ended.error !== undefined) throw this.#ended.error;
        return;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #wakeReader(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
