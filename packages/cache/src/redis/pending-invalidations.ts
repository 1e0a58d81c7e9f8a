/** An invalidation that has not reached Redis yet. */
export interface PendingInvalidation {
  fields: readonly string[];
  soft: boolean;
}

/**
 * Invalidations made while Redis was unreachable, replayed in order once it answers again.
 * While any is queued the cache neither reads nor stores in Redis, so nothing stale survives.
 */
export class PendingInvalidations {
  #queue: PendingInvalidation[] = [];
  #draining: Promise<boolean> | undefined;

  get size(): number {
    return this.#queue.length;
  }

  /** Queues one invalidation. */
  push(invalidation: PendingInvalidation): void {
    this.#queue.push(invalidation);
  }

  /** Whether `invalidation` (as pushed) still waits for Redis. */
  has(invalidation: PendingInvalidation): boolean {
    return this.#queue.includes(invalidation);
  }

  /**
   * Sends queued invalidations in order; stops at the first failure (kept for the next try).
   * Resolves false when it stopped on a failure.
   */
  drain(
    send: (invalidation: PendingInvalidation) => Promise<number>,
    sent: (invalidation: PendingInvalidation, seq: number) => void,
  ): Promise<boolean> {
    this.#draining ??= this.#run(send, sent).finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  async #run(
    send: (invalidation: PendingInvalidation) => Promise<number>,
    sent: (invalidation: PendingInvalidation, seq: number) => void,
  ): Promise<boolean> {
    for (let next = this.#queue[0]; next; next = this.#queue[0]) {
      let seq: number;
      try {
        seq = await send(next);
      } catch {
        return false;
      }
      this.#queue.shift();
      sent(next, seq);
    }
    return true;
  }
}
