import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import { CacheError } from './errors';
import { Flights } from './flights';
import { GetSetHandler } from './get-set/get-set-handler';
import type { Tiers } from './get-set/tiers';
import { ALL_FIELD, routeField, tagField } from './invalidation-log';
import { Invalidations } from './invalidations';
import { type CacheKey, entryKey } from './keys';
import { L1Store } from './l1';
import { CacheMetrics } from './metrics';
import { InvalidationBus } from './redis/bus';
import { leaseOptions } from './redis/fill-lease';
import { connectRedis, RemoteStore } from './redis/remote-store';
import { SharedValues } from './shared-values';
import type {
  Cache,
  CacheOptions,
  CacheStats,
  CountFilter,
  GetOrSetOptions,
  InvalidationEvent,
  InvalidationListener,
  InvalidationOutcome,
} from './types';
import { fromWire, type StoredAnswer } from './wire';

/** Creates a cache: L1 only without `redis`, else L1 in front of Redis with a pub/sub bus. */
export function createCache(options: CacheOptions): Cache {
  if (!options.namespace || /[{}]/.test(options.namespace)) {
    throw new CacheError('INVALID_OPTIONS', 'namespace must be non-empty and free of { }');
  }
  return new TieredCache(options);
}

/** How many invalidations the event log keeps (`eventLog.maxEvents`, 1,000 by default). */
const eventLogLength = (options: CacheOptions) => Math.max(1, options.eventLog?.maxEvents ?? 1_000);

class TieredCache implements Cache {
  readonly #ns: string;
  readonly #metrics = new CacheMetrics();
  readonly #tiers: Tiers;
  readonly #getSet: GetSetHandler;
  readonly #ownsClient: boolean;
  readonly #bus: InvalidationBus | undefined;
  readonly #decoded = new SharedValues();
  #closed = false;

  constructor(options: CacheOptions) {
    this.#ns = options.namespace;
    const id = randomUUID();
    const l1 = new L1Store(options.l1?.maxBytes ?? 64 * 1024 * 1024);
    const flights = new Flights();
    const remote = this.#connect(options);
    this.#ownsClient = remote?.owned ?? false;
    const invalidations = new Invalidations({
      l1,
      flights,
      remote: remote?.store,
      origin: id,
      metrics: this.#metrics,
      busHealthy: () => this.#bus?.healthy ?? false,
      maxLoggedEvents: eventLogLength(options),
    });
    this.#tiers = {
      id,
      l1,
      l1MaxTtlMs: options.l1?.maxTtlMs ?? 60_000,
      l1Trusted: () => this.#bus === undefined || this.#bus.healthy,
      remote: remote?.store,
      lease: options.lease ? leaseOptions(options.lease) : undefined,
      flights,
      invalidations,
      stats: this.#metrics.routes,
    };
    this.#getSet = new GetSetHandler(this.#tiers);
    if (!remote) return;
    remote.store.client.on('ready', () => {
      // Reconnected: no need to wait for the circuit's next probe before replaying and reading.
      remote.store.circuit.reset();
      void invalidations.replay();
    });
    if (options.bus !== false) {
      this.#bus = new InvalidationBus(remote.store.client, {
        channel: remote.store.channel,
        self: id,
        onMessage: (message) => invalidations.applyRemote(message),
        onOwn: (message) => invalidations.heardOwn(message),
        onLoss: () => invalidations.lost(),
      });
    }
  }

  #connect(options: CacheOptions) {
    if (options.redis === undefined) return undefined;
    const timeoutMs = options.timeouts?.redisMs ?? 250;
    const { client, owned } = connectRedis(options.redis, timeoutMs);
    const namespace = this.#ns;
    const circuit = {
      failureThreshold: options.circuit?.failureThreshold ?? 5,
      probeAfterMs: options.circuit?.probeAfterMs ?? 1_000,
      onChange: (open: boolean) =>
        open
          ? options.logger?.warn(
              { namespace },
              'cache: Redis circuit opened; reads go to the loader and invalidations are queued until Redis answers',
            )
          : options.logger?.info(
              { namespace },
              'cache: Redis circuit closed; Redis is in use again',
            ),
    };
    const store = new RemoteStore(
      client,
      namespace,
      timeoutMs,
      circuit,
      options.maxTrackedInvalidations ?? 100_000,
      eventLogLength(options),
    );
    return { store, owned };
  }

  async getOrSet<T>(
    key: CacheKey,
    loader: () => Promise<T>,
    options: GetOrSetOptions<T>,
  ): Promise<T> {
    if (this.#closed) throw new CacheError('CLOSED', 'the cache is closed');
    const { bytes } = await this.answer(key, loader, options);
    if (!options.shared) return fromWire<T>(bytes);
    return this.#decoded.of<T>(bytes);
  }

  answer<T>(
    key: CacheKey,
    loader: () => Promise<T>,
    options: GetOrSetOptions<T>,
  ): Promise<StoredAnswer> {
    if (this.#closed) return Promise.reject(new CacheError('CLOSED', 'the cache is closed'));
    const entry = entryKey(this.#ns, key);
    return this.#getSet.handle({ entryKey: entry, key, loader, options });
  }

  invalidateTags(tags: readonly string[]): Promise<InvalidationOutcome> {
    return this.#tiers.invalidations.invalidate(tags.map(tagField), false);
  }

  expireTags(tags: readonly string[]): Promise<InvalidationOutcome> {
    return this.#tiers.invalidations.invalidate(tags.map(tagField), true);
  }

  invalidateRoute(route: string): Promise<InvalidationOutcome> {
    this.#tiers.stats.route(route).invalidations++;
    return this.#tiers.invalidations.invalidate([routeField(route)], false);
  }

  clear(): Promise<InvalidationOutcome> {
    return this.#tiers.invalidations.invalidate([ALL_FIELD], false);
  }

  async stats(): Promise<CacheStats> {
    const { l1, remote, invalidations } = this.#tiers;
    const base = {
      namespace: this.#ns,
      routes: this.#tiers.stats.snapshot(),
      l1: { entries: l1.size, bytes: l1.bytes, maxBytes: l1.maxBytes },
    };
    if (!remote) return { ...base, mode: 'memory', pendingInvalidations: 0 };
    await invalidations.replay();
    const redis = await remote.info().catch(() => undefined);
    const mode = redis && invalidations.pending.size === 0 ? 'redis' : 'degraded';
    return {
      ...base,
      mode,
      redis: redis ?? { usedMemoryBytes: null, namespaceKeys: null },
      pendingInvalidations: invalidations.pending.size,
    };
  }

  async entries(query: { cursor?: string; route?: string; tag?: string; limit?: number }) {
    const offset = Number(query.cursor ?? '0') || 0;
    const limit = Math.max(1, Math.min(query.limit ?? 50, 500));
    const { matched, rows } = await this.#list(offset, limit, query.route, query.tag);
    const next = offset + rows.length;
    return next < matched ? { entries: rows, nextCursor: String(next) } : { entries: rows };
  }

  async countEntries(filter: CountFilter): Promise<number> {
    const route = 'all' in filter ? undefined : filter.route;
    const tag = 'all' in filter ? undefined : filter.tag;
    return (await this.#list(0, 0, route, tag)).matched;
  }

  /** The namespace's entries: Redis's index with Redis, else L1's (memory mode). */
  async #list(offset: number, limit: number, route?: string, tag?: string) {
    const { remote, l1 } = this.#tiers;
    if (!remote) return l1.list(performance.now(), offset, limit, route, tag);
    try {
      return await remote.list(offset, limit, route, tag);
    } catch {
      throw new CacheError('REDIS_UNAVAILABLE', 'Redis cannot be reached to list the entries');
    }
  }

  onInvalidation(listener: InvalidationListener): () => void {
    return this.#tiers.invalidations.listen(listener);
  }

  position(): string {
    return this.#tiers.invalidations.position();
  }

  eventsSince(position: string): Promise<InvalidationEvent[] | undefined> {
    return this.#tiers.invalidations.eventsSince(position);
  }

  registerMetrics(registry: Registry): void {
    const { l1, remote, invalidations } = this.#tiers;
    this.#metrics.register(registry, () => ({
      l1Entries: l1.size,
      l1Bytes: l1.bytes,
      redisUp: remote && !remote.circuit.isOpen && invalidations.pending.size === 0 ? 1 : 0,
    }));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#bus?.close();
    if (this.#tiers.remote && this.#ownsClient) this.#tiers.remote.client.disconnect();
    this.#tiers.l1.clear();
  }
}
