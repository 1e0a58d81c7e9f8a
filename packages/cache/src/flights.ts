import type { StoredAnswer } from './wire';

/** What one load (or L2 read) produced, and what a later read needs to tell whether it may share it. */
export interface StoredEntry extends StoredAnswer {
  /** The invalidation sequence number the value is valid at; undefined when unknown. */
  seq: number | undefined;
}

interface Flight {
  generation: number;
  promise: Promise<StoredEntry>;
}

/**
 * Single flight per key: concurrent reads of one key share one load. A read that begins after
 * an invalidation was applied here must not be handed, blindly, a load that began before it
 * (it may hold what the invalidation removed): it waits for that load and takes its result
 * only if `stillValid` says no invalidation since touched it, else it loads afresh (sharing
 * that load with the reads that began after it).
 */
export class Flights {
  readonly #running = new Map<string, Flight>();
  #generation = 0;

  /** Marks an applied invalidation or L1 flush: loads begun before it are not joined blindly. */
  bump(): void {
    this.#generation++;
  }

  /** The entry of the shared load of `key`, running `load` when there is none to share. */
  async share(
    key: string,
    load: () => Promise<StoredEntry>,
    stillValid: (loaded: StoredEntry) => boolean,
  ): Promise<StoredEntry> {
    const running = this.#running.get(key);
    if (running && running.generation === this.#generation) return running.promise;
    if (running) {
      const loaded = await running.promise.catch(() => undefined);
      if (loaded && stillValid(loaded)) return loaded;
    }
    return this.#join(key, load);
  }

  /** Joins the load of `key` begun since the last invalidation, or begins it. */
  #join(key: string, load: () => Promise<StoredEntry>): Promise<StoredEntry> {
    const running = this.#running.get(key);
    if (running && running.generation === this.#generation) return running.promise;
    const promise: Promise<StoredEntry> = load().finally(() => {
      if (this.#running.get(key)?.promise === promise) this.#running.delete(key);
    });
    this.#running.set(key, { generation: this.#generation, promise });
    return promise;
  }
}
