/** What one load produced, and what a later read needs to tell whether it may share it. */
export interface Loaded<T> {
  value: T;
  /** The invalidation sequence number the value is valid at; undefined when unknown. */
  seq: number | undefined;
  tags: readonly string[];
}

interface Flight<T> {
  generation: number;
  promise: Promise<Loaded<T>>;
}

/**
 * Single flight per key: concurrent reads of one key share one load. A read that begins after
 * an invalidation was applied here must not be handed, blindly, a load that began before it
 * (it may hold what the invalidation removed): it waits for that load and takes its result
 * only if `stillValid` says no invalidation since touched it, else it loads afresh (sharing
 * that load with the reads that began after it).
 */
export class Flights {
  readonly #running = new Map<string, Flight<unknown>>();
  #generation = 0;

  /** Marks an applied invalidation or L1 flush: loads begun before it are not joined blindly. */
  bump(): void {
    this.#generation++;
  }

  /** The value of the shared load of `key`, running `load` when there is none to share. */
  async share<T>(
    key: string,
    load: () => Promise<Loaded<T>>,
    stillValid: (loaded: Loaded<T>) => boolean,
  ): Promise<T> {
    const running = this.#running.get(key) as Flight<T> | undefined;
    if (running && running.generation === this.#generation) return (await running.promise).value;
    if (running) {
      const loaded = await running.promise.catch(() => undefined);
      if (loaded && stillValid(loaded)) return loaded.value;
    }
    return (await this.#join(key, load)).value;
  }

  /** Joins the load of `key` begun since the last invalidation, or begins it. */
  #join<T>(key: string, load: () => Promise<Loaded<T>>): Promise<Loaded<T>> {
    const running = this.#running.get(key) as Flight<T> | undefined;
    if (running && running.generation === this.#generation) return running.promise;
    const promise: Promise<Loaded<T>> = load().finally(() => {
      if (this.#running.get(key)?.promise === promise) this.#running.delete(key);
    });
    this.#running.set(key, { generation: this.#generation, promise });
    return promise;
  }
}
