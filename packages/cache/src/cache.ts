import { randomUUID } from 'node:crypto';
import { BusLag, wallClockMs } from './bus-lag';
import { CacheError } from './errors';
import { Flights, type Loaded } from './flights';
import { deepFreeze } from './freeze';
import { estimateHeapBytes } from './heap-size';
import { ALL_FIELD, InvalidationLog, routeField, tagField } from './invalidation-log';
import { type CacheKey, entryKey } from './keys';
import { L1Store } from './l1';
import { type BusMessage, InvalidationBus } from './redis/bus';
import { awaitFill, type LeaseOptions, leaseOptions } from './redis/fill-lease';
import { type PendingInvalidation, PendingInvalidations } from './redis/pending-invalidations';
import { connectRedis, type FillLease, RemoteStore } from './redis/remote-store';
import { deserialize, serialize } from './serializer';
import { renderPrometheus, StatsRegistry } from './stats';
import type { Cache, CacheOptions, CacheStats, CountFilter, GetOrSetOptions } from './types';

/** Creates a cache: L1 only without `redis`, else L1 in front of Redis with a pub/sub bus. */
export function createCache(options: CacheOptions): Cache {
  if (!options.namespace || /[{}]/.test(options.namespace)) {
    throw new CacheError('INVALID_OPTIONS', 'namespace must be non-empty and free of { }');
  }
  return new TieredCache(options);
}

class TieredCache implements Cache {
  readonly #ns: string;
  readonly #l1: L1Store;
  readonly #maxL1TtlMs: number;
  readonly #log = new InvalidationLog();
  readonly #stats = new StatsRegistry();
  readonly #busLag = new BusLag();
  readonly #flights = new Flights();
  readonly #id = randomUUID();
  readonly #remote: RemoteStore | undefined;
  readonly #ownsClient: boolean;
  readonly #bus: InvalidationBus | undefined;
  readonly #pending = new PendingInvalidations();
  readonly #lease: LeaseOptions | undefined;
  #publisherSeq = 0;
  #localSeq = 0;
  #epoch = 0;
  #closed = false;

  constructor(options: CacheOptions) {
    this.#ns = options.namespace;
    this.#l1 = new L1Store(options.l1?.maxBytes ?? 64 * 1024 * 1024);
    this.#maxL1TtlMs = options.l1?.maxTtlMs ?? 60_000;
    if (options.redis === undefined) {
      this.#ownsClient = false;
      this.#lease = undefined;
      return;
    }
    const timeoutMs = options.timeouts?.redisMs ?? 250;
    const { client, owned } = connectRedis(options.redis, timeoutMs);
    this.#ownsClient = owned;
    this.#lease = options.lease ? leaseOptions(options.lease) : undefined;
    this.#remote = new RemoteStore(client, this.#ns, timeoutMs, {
      failureThreshold: options.circuit?.failureThreshold ?? 5,
      probeAfterMs: options.circuit?.probeAfterMs ?? 1_000,
    });
    client.on('ready', () => {
      // Reconnected: no need to wait for the circuit's next probe before replaying and reading.
      this.#remote?.circuit.reset();
      void this.#replay();
    });
    if (options.bus !== false) {
      this.#bus = new InvalidationBus(
        client,
        this.#remote.channel,
        this.#id,
        (message) => this.#applyRemote(message),
        () => this.#flushL1(),
      );
    }
  }

  #flushL1(): void {
    this.#epoch++;
    this.#flights.bump();
    this.#l1.clear();
  }

  /** L1 may be trusted only while it hears every invalidation (or there is no other instance). */
  get #l1Trusted(): boolean {
    return this.#remote === undefined || this.#bus === undefined || this.#bus.healthy;
  }

  /** Returns the cached value or runs `loader` once per instance per key, storing its result. */
  async getOrSet<T>(
    key: CacheKey,
    loader: () => Promise<T>,
    options: GetOrSetOptions<T>,
  ): Promise<T> {
    if (this.#closed) throw new CacheError('CLOSED', 'the cache is closed');
    const k = entryKey(this.#ns, key);
    const stats = this.#stats.route(key.route);
    const now = performance.now();
    const hit = this.#l1Trusted ? this.#l1.get(k, now) : undefined;
    if (hit) {
      if (hit.freshUntil > now) {
        stats.l1Hits++;
        return hit.value as T;
      }
      stats.staleServed++;
      this.#refreshInBackground(k, key, loader, options);
      return hit.value as T;
    }
    return this.#flights.share(
      k,
      () => this.#fetch(k, key, loader, options),
      // A load that began before an invalidation made here serves a read that began after it
      // only if that invalidation is known (none queued for Redis) and missed the load's route
      // and tags: the rule L1 fills follow.
      (loaded) =>
        loaded.seq !== undefined &&
        this.#pending.size === 0 &&
        this.#log.isValid(loaded.seq, key.route, loaded.tags),
    );
  }

  /** The serialized forms of fresh L1 entries, counted as L1 hits, if every key has one. */
  peek(keys: readonly CacheKey[]): string[] | undefined {
    if (this.#closed || !this.#l1Trusted) return undefined;
    const now = performance.now();
    const payloads: string[] = [];
    for (const key of keys) {
      const hit = this.#l1.get(entryKey(this.#ns, key), now);
      if (!hit || hit.freshUntil <= now) return undefined;
      payloads.push(hit.payload);
    }
    for (const key of keys) this.#stats.route(key.route).l1Hits++;
    return payloads;
  }

  #refreshInBackground<T>(
    k: string,
    key: CacheKey,
    loader: () => Promise<T>,
    options: GetOrSetOptions<T>,
  ) {
    this.#flights
      .share(
        `refresh:${k}`,
        () => this.#fetch(k, key, loader, options, true),
        () => false,
      )
      .catch(() => undefined);
  }

  async #fetch<T>(
    k: string,
    key: CacheKey,
    loader: () => Promise<T>,
    options: GetOrSetOptions<T>,
    skipRead = false,
  ): Promise<Loaded<T>> {
    const stats = this.#stats.route(key.route);
    const epoch = this.#epoch;
    let snapshot = this.#localSeq;
    let leased = false;
    try {
      if (this.#remote) {
        // A refresh already holds a value to serve: it neither takes the lease nor waits.
        const lease = skipRead || !this.#lease ? undefined : this.#lease;
        const read = () =>
          this.#readRemote(k, lease ? { holder: this.#id, ttlMs: lease.ttlMs } : undefined);
        let remote = await read();
        if (remote && lease) remote = await awaitFill(lease, remote, read);
        leased = remote?.leased ?? false;
        if (!remote) {
          // Redis cannot be used now: a plain load, counted, neither stored nor kept in L1.
          stats.misses++;
          return { value: await this.#runLoader(key.route, loader), seq: undefined, tags: [] };
        }
        snapshot = remote.seq;
        const hit = remote.hit;
        if (hit && !skipRead) {
          stats.l2Hits++;
          const value = deepFreeze(deserialize<T>(hit.payload));
          const freshMs = hit.softStale ? 0 : hit.freshLeftMs;
          if (epoch === this.#epoch && this.#log.isValid(hit.entrySeq, key.route, hit.tags)) {
            this.#setL1(
              k,
              key.route,
              hit.tags,
              value,
              hit.payload,
              hit.entrySeq,
              freshMs,
              hit.graceLeftMs,
            );
          }
          const loaded = { value, seq: hit.entrySeq, tags: hit.tags };
          if (freshMs > 0) return loaded;
          stats.staleServed++;
          this.#refreshInBackground(k, key, loader, options);
          return loaded;
        }
      }
      stats.misses++;
      const loaded = await this.#runLoader(key.route, loader);
      const payload = serialize(loaded);
      const value = deepFreeze(deserialize<T>(payload));
      const tags = typeof options.tags === 'function' ? options.tags(value) : (options.tags ?? []);
      const graceMs = options.graceMs ?? 0;
      if (this.#remote) {
        const entry = { snapshot, payload, tags, route: key.route, ttlMs: options.ttlMs, graceMs };
        let stored = false;
        if (this.#pending.size === 0) {
          // The store gives the lease back in its own trip, stored or refused (if Redis fails
          // on the way, the lease runs out by itself).
          const holder = leased ? this.#id : '';
          leased = false;
          stored = await this.#remote.store(k, entry, holder).catch(() => false);
        }
        if (!stored) return { value, seq: snapshot, tags };
      }
      if (epoch === this.#epoch && this.#log.isValid(snapshot, key.route, tags)) {
        this.#setL1(
          k,
          key.route,
          tags,
          value,
          payload,
          snapshot,
          options.ttlMs,
          options.ttlMs + graceMs,
        );
      }
      return { value, seq: snapshot, tags };
    } finally {
      if (leased) await this.#remote?.releaseLease(k, this.#id).catch(() => undefined);
    }
  }

  async #readRemote(k: string, lease?: FillLease) {
    if (!this.#remote) return undefined;
    // Queued invalidations reach Redis before anything is read from it. While Redis answers,
    // waiting for one in flight (a write just made here) costs a round trip and lets the read
    // use Redis; once the circuit is open, the read goes on without Redis at once instead of
    // waiting for the replay's probe to time out.
    if (this.#pending.size > 0 && this.#remote.circuit.isOpen) {
      void this.#replay();
      return undefined;
    }
    await this.#replay();
    if (this.#pending.size > 0) return undefined;
    return this.#remote.read(k, lease).catch(() => undefined);
  }

  async #runLoader<T>(route: string, loader: () => Promise<T>): Promise<T> {
    const stats = this.#stats.route(route);
    const started = performance.now();
    stats.loaderCalls++;
    try {
      return await loader();
    } catch (error) {
      stats.errors++;
      throw error;
    } finally {
      stats.loaderMsTotal += performance.now() - started;
    }
  }

  #setL1(
    k: string,
    route: string,
    tags: string[],
    value: unknown,
    payload: string,
    seq: number,
    freshMs: number,
    lifeMs: number,
  ) {
    // An L1 of zero bytes (Redis only) keeps nothing: not even worth sizing the entry.
    if (!this.#l1Trusted || this.#l1.maxBytes === 0) return;
    const now = performance.now();
    const cap = this.#maxL1TtlMs;
    this.#l1.set({
      key: k,
      value,
      payload,
      // What the entry keeps on the heap: the value's object tree, its serialized form, the key.
      bytes: estimateHeapBytes(value) + estimateHeapBytes(payload) + estimateHeapBytes(k),
      route,
      tags,
      seq,
      freshUntil: now + Math.min(freshMs, cap),
      staleUntil: now + Math.min(Math.max(lifeMs, freshMs), cap),
      graceMs: Math.max(0, lifeMs - freshMs),
    });
  }

  /** Hard-invalidates every entry carrying any of `tags`: nothing stale is served after it. */
  invalidateTags(tags: string[]): Promise<void> {
    return this.#invalidate(tags.map(tagField), false);
  }

  /** Soft-expires every entry carrying any of `tags`: stale may serve within grace while one refresh runs. */
  expireTags(tags: string[]): Promise<void> {
    return this.#invalidate(tags.map(tagField), true);
  }

  /** Hard-invalidates every entry of `route`. */
  invalidateRoute(route: string): Promise<void> {
    this.#stats.route(route).invalidations++;
    return this.#invalidate([routeField(route)], false);
  }

  /** Hard-invalidates the whole namespace (and nothing outside it). */
  clear(): Promise<void> {
    return this.#invalidate([ALL_FIELD], false);
  }

  async #invalidate(fields: string[], soft: boolean): Promise<void> {
    if (fields.length === 0) return;
    this.#applyLocal(fields, soft, this.#remote ? undefined : ++this.#localSeq);
    if (!this.#remote) return;
    this.#pending.push({ fields, soft });
    await this.#replay();
  }

  /** Replays invalidations queued during an outage (see PendingInvalidations). */
  async #replay(): Promise<void> {
    const remote = this.#remote;
    if (!remote) return;
    const send = (next: PendingInvalidation) =>
      remote.invalidate(next.fields, next.soft, this.#id, ++this.#publisherSeq);
    const sent = (next: PendingInvalidation, seq: number) =>
      this.#applyLocal(next.fields, next.soft, seq);
    // A second pass covers an invalidation queued just as a running drain was finishing; after
    // a failed pass it would only wait for Redis to fail again.
    for (let pass = 0; pass < 2 && this.#pending.size > 0; pass++) {
      if (!(await this.#pending.drain(send, sent))) break;
    }
  }

  #applyRemote(message: BusMessage): void {
    this.#applyLocal(message.f, message.x === '1', Number(message.s));
    this.#busLag.observe(Number(message.t), wallClockMs());
  }

  #applyLocal(fields: string[], soft: boolean, seq: number | undefined): void {
    this.#flights.bump();
    if (!soft && seq !== undefined) this.#log.record(fields, seq);
    if (fields.includes(ALL_FIELD)) {
      if (!soft) this.#flushL1();
      return;
    }
    const tags = fields.filter((f) => f.startsWith('t:')).map((f) => f.slice(2));
    const routes = fields.filter((f) => f.startsWith('r:')).map((f) => f.slice(2));
    const keys = this.#l1.matching(tags, routes);
    if (soft) this.#l1.markStale(keys, performance.now());
    else for (const key of keys) this.#l1.delete(key);
  }

  /** Mode, per-route counters, L1 size, Redis memory and the namespace's entry count. */
  async stats(): Promise<CacheStats> {
    const base = {
      namespace: this.#ns,
      routes: this.#stats.snapshot(),
      l1: { entries: this.#l1.size, bytes: this.#l1.bytes, maxBytes: this.#l1.maxBytes },
    };
    if (!this.#remote) return { ...base, mode: 'memory', pendingInvalidations: 0 };
    await this.#replay();
    const redis = await this.#remote.info().catch(() => undefined);
    const mode = redis && this.#pending.size === 0 ? 'redis' : 'degraded';
    return {
      ...base,
      mode,
      redis: redis ?? { usedMemoryBytes: null, namespaceKeys: null },
      pendingInvalidations: this.#pending.size,
    };
  }

  /** Lists live entries (key, route, tags, TTL left, size), filtered by route or tag. */
  async entries(query: { cursor?: string; route?: string; tag?: string; limit?: number }) {
    const offset = Number(query.cursor ?? '0') || 0;
    const limit = Math.max(1, Math.min(query.limit ?? 50, 500));
    const { matched, rows } = this.#remote
      ? await this.#remote.list(offset, limit, query.route, query.tag)
      : this.#l1.list(performance.now(), offset, limit, query.route, query.tag);
    const next = offset + rows.length;
    return next < matched ? { entries: rows, nextCursor: String(next) } : { entries: rows };
  }

  /** How many live entries a route/tag/all invalidation would remove (for admin confirmations). */
  async countEntries(filter: CountFilter): Promise<number> {
    const route = 'all' in filter ? undefined : filter.route;
    const tag = 'all' in filter ? undefined : filter.tag;
    if (this.#remote) return (await this.#remote.list(0, 0, route, tag)).matched;
    return this.#l1.list(performance.now(), 0, 0, route, tag).matched;
  }

  /** Prometheus text exposition; the only label is the route. */
  async metrics(): Promise<string> {
    const text = renderPrometheus(this.#stats.snapshot(), {
      l1Entries: this.#l1.size,
      l1Bytes: this.#l1.bytes,
      redisUp: this.#remote && !this.#remote.circuit.isOpen && this.#pending.size === 0 ? 1 : 0,
    });
    return `${text}${this.#busLag.render().join('\n')}\n`;
  }

  /** Closes the bus and any Redis connection the cache opened itself. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#bus?.close();
    if (this.#remote && this.#ownsClient) this.#remote.client.disconnect();
    this.#l1.clear();
  }
}
