import { createHash } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { CacheError } from '../errors';
import { namespaceTag } from '../keys';
import type { Position } from '../positions';
import type { CacheOptions } from '../types';
import { etagOf } from '../wire';
import { wallClockMs } from './bus';
import { CircuitBreaker, type CircuitOptions } from './circuit';
import { type LoggedInvalidation, parseLoggedEvents } from './event-log-reply';
import { parseListReply, parseTags, ReplyFields } from './replies';
import { COUNT_INDEX, INVALIDATE, LIST, PROBE, READ, RELEASE_LEASE, SINCE, STORE } from './scripts';

type Client = Redis | Cluster;
type Argument = string | Buffer | number;

const shas = new Map<string, string>();
function scriptSha(script: string): string {
  let sha = shas.get(script);
  if (!sha) {
    sha = createHash('sha1').update(script).digest('hex');
    shas.set(script, sha);
  }
  return sha;
}

/** Who asks for a key's fill lease, and for how long (see fill-lease.ts). */
export interface FillLease {
  holder: string;
  ttlMs: number;
}

/** The fill lease of an entry key: the same `{ns}` hash tag, so the same Cluster slot. */
const leaseKey = (key: string) => `${key}:lease`;

/** A live entry as Redis holds it. */
export interface RemoteHit {
  /** The stored bytes: a slice of the reply, to copy before keeping (see wire.ts). */
  payload: Buffer;
  etag: string;
  entrySeq: number;
  tags: string[];
  /** The tags as stored: JSON text. */
  tagsJson: string;
  freshLeftMs: number;
  graceLeftMs: number;
  softStale: boolean;
}

/** What one Redis read returns: the current invalidation sequence and, on a hit, the entry. */
export interface RemoteRead {
  seq: number;
  /** On a miss read with a lease holder: whether that holder now has the key's fill lease. */
  leased: boolean;
  hit?: RemoteHit;
}

/** What a store writes. */
export interface StoreRequest {
  /** The invalidation sequence number read before the loader ran. */
  snapshot: number;
  payload: Buffer;
  etag: string;
  tags: readonly string[];
  route: string;
  ttlMs: number;
  graceMs: number;
  /** A lease holder gives its fill lease back in the same trip, stored or not ('' for none). */
  leaseHolder: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new CacheError('REDIS_TIMEOUT', `Redis did not answer in ${ms} ms`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Creates the client: no offline queue, short timeouts, quick reconnects. */
export function connectRedis(redis: NonNullable<CacheOptions['redis']>, timeoutMs: number) {
  if (redis instanceof Redis || redis instanceof Cluster) return { client: redis, owned: false };
  const options = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: timeoutMs,
    connectTimeout: Math.max(timeoutMs, 500),
    retryStrategy: (times: number) => Math.min(times * 50, 500),
  };
  const client =
    typeof redis === 'string' ? new Redis(redis, options) : new Redis({ ...redis, ...options });
  client.on('error', () => undefined);
  return { client, owned: true };
}

/** The L2 tier: every call bounded by a timeout and guarded by a circuit breaker. */
export class RemoteStore {
  readonly circuit: CircuitBreaker;
  readonly channel: string;
  readonly #tag: string;

  constructor(
    readonly client: Client,
    namespace: string,
    private readonly timeoutMs: number,
    circuit: CircuitOptions,
    /** How many fields' latest invalidation Redis keeps (see INVALIDATE in scripts.ts). */
    private readonly maxTrackedInvalidations: number,
    /** How many invalidations the namespace's event log keeps (see SINCE in scripts.ts). */
    private readonly maxLoggedEvents: number,
  ) {
    this.#tag = namespaceTag(namespace);
    this.channel = `${this.#tag}:bus`;
    this.circuit = new CircuitBreaker(circuit);
  }

  get #seqKey() {
    return `${this.#tag}:seq`;
  }
  /** Each tag, route or soft expire's latest invalidation number (a sorted set, bounded). */
  get #invKey() {
    return `${this.#tag}:invalidated`;
  }
  get #idxKey() {
    return `${this.#tag}:idx`;
  }
  /** The number below which every entry and fill is dead (see SEQUENCE in scripts.ts). */
  get #floorKey() {
    return `${this.#tag}:floor`;
  }
  /** Where the sequence restarted after Redis lost its data: the history positions count in. */
  get #baseKey() {
    return `${this.#tag}:base`;
  }
  /** The namespace's recent invalidations, in order (see INVALIDATE in scripts.ts). */
  get #logKey() {
    return `${this.#tag}:log`;
  }

  /** While the first connection is being made, waits for it (within the timeout) instead of failing. */
  #whenReady(): Promise<void> {
    const status = this.client.status;
    if (status === 'ready') return Promise.resolve();
    if (status !== 'connecting' && status !== 'connect' && status !== 'wait') {
      return Promise.reject(new CacheError('REDIS_TIMEOUT', 'Redis is not connected'));
    }
    return new Promise((resolve) => this.client.once('ready', () => resolve()));
  }

  #call<T>(operation: () => Promise<T>): Promise<T> {
    return this.circuit.run(() =>
      withTimeout(
        this.#whenReady().then(() => operation()),
        this.timeoutMs,
      ),
    );
  }

  /**
   * Runs a script by its SHA1 (EVALSHA), so each call sends a hash instead of the script text;
   * a server that does not know it yet (first call, restart, failover) gets the text once.
   * `bytes` keeps bulk strings as Buffers (a stored payload is never decoded to a string).
   */
  #eval(script: string, keys: string[], args: Argument[], bytes = false): Promise<unknown> {
    const run = (command: 'EVALSHA' | 'EVAL', first: string) => {
      const argv = [first, keys.length, ...keys, ...args];
      return bytes ? this.client.callBuffer(command, argv) : this.client.call(command, argv);
    };
    return this.#call(async () => {
      try {
        return await run('EVALSHA', scriptSha(script));
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return run('EVAL', script);
      }
    });
  }

  /**
   * Reads an entry and the current sequence in one round trip; on a miss, with `lease`, tries
   * to take the key's fill lease in that same trip (it expires by itself if its holder dies).
   */
  async read(key: string, lease?: FillLease): Promise<RemoteRead> {
    const keys = [key, this.#invKey, this.#seqKey, leaseKey(key), this.#floorKey, this.#baseKey];
    const reply = new ReplyFields(
      await this.#eval(READ, keys, [lease?.holder ?? '', lease?.ttlMs ?? 0], true),
    );
    const seq = reply.number('seq');
    if (!reply.has('payload')) return { seq, leased: reply.number('leased') === 1 };
    const payload = reply.bytes('payload');
    const tagsJson = reply.text('tags');
    return {
      seq,
      leased: false,
      hit: {
        payload,
        // An entry stored before ETags were kept has none: made here, once per read.
        etag: reply.text('etag') || etagOf(payload),
        entrySeq: reply.number('entrySeq'),
        tags: parseTags(tagsJson),
        tagsJson,
        freshLeftMs: reply.number('freshLeftMs'),
        graceLeftMs: reply.number('graceLeftMs'),
        softStale: reply.number('softStale') === 1,
      },
    };
  }

  /** Stores unless invalidated after `entry.snapshot`; true when the entry is (or stays) current. */
  async store(key: string, entry: StoreRequest): Promise<boolean> {
    const args = [
      entry.snapshot,
      entry.payload,
      JSON.stringify(entry.tags),
      entry.route,
      entry.ttlMs,
      entry.graceMs,
      entry.leaseHolder,
      entry.etag,
    ];
    const keys = [
      key,
      this.#invKey,
      this.#idxKey,
      leaseKey(key),
      this.#seqKey,
      this.#floorKey,
      this.#baseKey,
    ];
    return String(await this.#eval(STORE, keys, args)) === 'stored';
  }

  /** Records an invalidation of `fields` and publishes it on the bus; returns its sequence number. */
  async invalidate(invalidation: {
    fields: readonly string[];
    soft: boolean;
    origin: string;
    publisherSeq: number;
  }): Promise<number> {
    const keys = [
      this.#seqKey,
      this.#invKey,
      this.#idxKey,
      this.#floorKey,
      this.#baseKey,
      this.#logKey,
    ];
    const args = [
      invalidation.soft ? '1' : '0',
      invalidation.origin,
      invalidation.publisherSeq,
      this.channel,
      String(wallClockMs()),
      this.maxTrackedInvalidations,
      this.maxLoggedEvents,
      ...invalidation.fields,
    ];
    return Number(await this.#eval(INVALIDATE, keys, args));
  }

  /** Publishes where the namespace's sequence stands, for `origin` to hear on the bus. */
  async probe(origin: string): Promise<void> {
    const keys = [this.#seqKey, this.#floorKey, this.#baseKey];
    await this.#eval(PROBE, keys, [this.channel, origin]);
  }

  /**
   * The logged invalidations after `position`, in order; undefined when the log does not hold
   * every one of them (see SINCE in scripts.ts).
   */
  async eventsSince(position: Position): Promise<LoggedInvalidation[] | undefined> {
    const keys = [this.#seqKey, this.#floorKey, this.#baseKey, this.#logKey];
    const args = [position.epoch, String(position.seq), this.maxLoggedEvents];
    return parseLoggedEvents(await this.#eval(SINCE, keys, args));
  }

  /** Gives the lease back if `holder` still has it (never deletes a successor's lease). */
  async releaseLease(key: string, holder: string): Promise<void> {
    await this.#eval(RELEASE_LEASE, [leaseKey(key)], [holder]);
  }

  /** Lists live entries of the namespace, filtered, from `offset`. */
  async list(offset: number, limit: number, route = '', tag = '') {
    const keys = [this.#idxKey, this.#invKey, this.#floorKey];
    const reply = await this.#eval(LIST, keys, [offset, limit, route, tag]);
    return parseListReply(reply);
  }

  /** Redis used memory (summed over masters on a Cluster) and the namespace's live entry count. */
  async info(): Promise<{ usedMemoryBytes: number | null; namespaceKeys: number | null }> {
    const nodes = this.client instanceof Cluster ? this.client.nodes('master') : [this.client];
    const memory = await Promise.all(nodes.map((node) => this.#call(() => node.info('memory'))));
    const usedMemoryBytes = memory.reduce((sum, text) => {
      const match = /used_memory:(\d+)/.exec(text);
      return sum + (match ? Number(match[1]) : 0);
    }, 0);
    const namespaceKeys = Number(await this.#eval(COUNT_INDEX, [this.#idxKey], []));
    return { usedMemoryBytes, namespaceKeys };
  }
}
