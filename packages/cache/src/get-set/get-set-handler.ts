import type { StoredEntry } from '../flights';
import type { CacheKey } from '../keys';
import { awaitFill } from '../redis/fill-lease';
import type { RemoteHit, RemoteRead } from '../redis/remote-store';
import type { GetOrSetOptions } from '../types';
import { etagOf, type StoredAnswer, toWire } from '../wire';
import { fillL1, readL2, type Tiers } from './tiers';

/** One `getOrSet` call: the entry key, the cache key it came from, the loader and its options. */
export interface GetSetRequest<T> {
  entryKey: string;
  key: CacheKey;
  loader: () => Promise<T>;
  options: GetOrSetOptions<T>;
}

/** Where a load stands before the loader runs. */
interface LoadStart {
  /** The invalidation sequence number read before the loader runs (the store is judged by it). */
  snapshot: number;
  /** Whether this instance holds the key's cluster-wide fill lease. */
  leased: boolean;
  /** L1's generation before the read began (see fillL1). */
  generation: number;
}

/**
 * `getOrSet` in named steps: an L1 hit; else one shared fetch per key, which reads L2 (taking
 * or waiting on the fill lease), returns an L2 hit, or loads and stores under the snapshot it
 * read; stale values (grace) are served while one refresh runs in the background.
 */
export class GetSetHandler {
  constructor(private readonly tiers: Tiers) {}

  /** The stored answer for `request.key`: from L1, else from one fetch shared per key. */
  async handle<T>(request: GetSetRequest<T>): Promise<StoredAnswer> {
    return (
      this.#returnL1Value(request) ??
      this.tiers.flights.share(
        request.entryKey,
        () => this.#fetch(request, { refresh: false }),
        (loaded) => this.#mayShare(request, loaded),
      )
    );
  }

  #returnL1Value<T>(request: GetSetRequest<T>): StoredAnswer | undefined {
    if (!this.tiers.l1Trusted()) return undefined;
    const now = performance.now();
    const hit = this.tiers.l1.get(request.entryKey, now);
    if (!hit) return undefined;
    const stats = this.tiers.stats.route(request.key.route);
    if (hit.freshUntil > now) {
      stats.l1Hits++;
      return hit;
    }
    stats.staleServed++;
    this.#refreshInBackground(request);
    return hit;
  }

  /**
   * A load that began before an invalidation made here serves a read that began after it only
   * if that invalidation is known (none queued for Redis) and missed the load's route and tags:
   * the rule L1 fills follow.
   */
  #mayShare<T>(request: GetSetRequest<T>, loaded: StoredEntry): boolean {
    return (
      loaded.seq !== undefined &&
      this.tiers.invalidations.isCurrent(loaded.seq, request.key.route, loaded.tags)
    );
  }

  #refreshInBackground<T>(request: GetSetRequest<T>): void {
    this.tiers.flights
      .share(
        `refresh:${request.entryKey}`,
        () => this.#fetch(request, { refresh: true }),
        () => false,
      )
      .catch(() => undefined);
  }

  /** A refresh already has a value to serve: it skips L2's copy, and neither takes nor waits on the lease. */
  async #fetch<T>(request: GetSetRequest<T>, how: { refresh: boolean }): Promise<StoredEntry> {
    const generation = this.tiers.l1.generation;
    if (!this.tiers.remote) {
      const snapshot = this.tiers.invalidations.localSeq;
      return this.#loadAndStore(request, { snapshot, leased: false, generation });
    }
    const read = await this.#readL2(request, how);
    if (!read) return this.#loadUncached(request);
    if (read.hit && !how.refresh) return this.#returnL2Hit(request, read.hit, generation);
    return this.#loadAndStore(request, { snapshot: read.seq, leased: read.leased, generation });
  }

  async #readL2<T>(
    request: GetSetRequest<T>,
    how: { refresh: boolean },
  ): Promise<RemoteRead | undefined> {
    const lease = how.refresh ? undefined : this.tiers.lease;
    const holder = lease ? { holder: this.tiers.id, ttlMs: lease.ttlMs } : undefined;
    const read = () => readL2(this.tiers, request.entryKey, holder);
    const first = await read();
    return first && lease ? awaitFill(lease, first, read) : first;
  }

  #returnL2Hit<T>(request: GetSetRequest<T>, hit: RemoteHit, generation: number): StoredEntry {
    const stats = this.tiers.stats.route(request.key.route);
    stats.l2Hits++;
    const freshMs = hit.softStale ? 0 : hit.freshLeftMs;
    fillL1(this.tiers, {
      key: request.entryKey,
      route: request.key.route,
      tags: hit.tags,
      tagsJson: hit.tagsJson,
      bytes: hit.payload,
      etag: hit.etag,
      seq: hit.entrySeq,
      generation,
      freshMs,
      lifeMs: hit.graceLeftMs,
      copy: true,
    });
    if (freshMs <= 0) {
      stats.staleServed++;
      this.#refreshInBackground(request);
    }
    const { payload: bytes, etag, entrySeq: seq, tags, tagsJson } = hit;
    return { bytes, etag, seq, tags, tagsJson };
  }

  /** Redis cannot be used now: a plain load, counted, neither stored nor kept in L1. */
  async #loadUncached<T>(request: GetSetRequest<T>): Promise<StoredEntry> {
    this.tiers.stats.route(request.key.route).misses++;
    const value = await this.#runLoader(request);
    const bytes = toWire(value);
    const tags = tagsOf(value, request.options);
    return { bytes, etag: etagOf(bytes), seq: undefined, tags, tagsJson: JSON.stringify(tags) };
  }

  /** Loads, then stores in Redis (refused if invalidated since `start.snapshot`), then in L1. */
  async #loadAndStore<T>(request: GetSetRequest<T>, start: LoadStart): Promise<StoredEntry> {
    const { tiers } = this;
    const { entryKey, key, options } = request;
    tiers.stats.route(key.route).misses++;
    let leaseHeld = start.leased;
    try {
      const value = await this.#runLoader(request);
      const bytes = toWire(value);
      const tags = tagsOf(value, options);
      const tagsJson = JSON.stringify(tags);
      const etag = etagOf(bytes);
      const entry = { bytes, etag, seq: start.snapshot, tags, tagsJson };
      const graceMs = options.graceMs ?? 0;
      if (tiers.remote) {
        // Nothing is stored while an invalidation waits for Redis.
        if (tiers.invalidations.pending.size > 0) return entry;
        // The store gives the lease back in its own trip, stored or refused (if Redis fails on
        // the way, the lease runs out by itself).
        leaseHeld = false;
        const stored = await tiers.remote
          .store(entryKey, {
            snapshot: start.snapshot,
            payload: bytes,
            etag,
            tags,
            route: key.route,
            ttlMs: options.ttlMs,
            graceMs,
            leaseHolder: start.leased ? tiers.id : '',
          })
          .catch(() => false);
        if (!stored) return entry;
      }
      fillL1(tiers, {
        key: entryKey,
        route: key.route,
        tags,
        tagsJson,
        bytes,
        etag,
        seq: start.snapshot,
        generation: start.generation,
        freshMs: options.ttlMs,
        lifeMs: options.ttlMs + graceMs,
        copy: false,
      });
      return entry;
    } finally {
      if (leaseHeld) await tiers.remote?.releaseLease(entryKey, tiers.id).catch(() => undefined);
    }
  }

  async #runLoader<T>(request: GetSetRequest<T>): Promise<T> {
    const stats = this.tiers.stats.route(request.key.route);
    const started = performance.now();
    stats.loaderCalls++;
    try {
      return await request.loader();
    } catch (error) {
      stats.errors++;
      throw error;
    } finally {
      stats.loaderMsTotal += performance.now() - started;
    }
  }
}

/** The tags of a loaded value, as its options declare them. */
function tagsOf<T>(value: T, options: GetOrSetOptions<T>): readonly string[] {
  return typeof options.tags === 'function' ? options.tags(value) : (options.tags ?? []);
}
