import type { Flights } from './flights';
import { ALL_FIELD, InvalidationLog } from './invalidation-log';
import type { L1Store } from './l1';
import type { CacheMetrics } from './metrics';
import { type BusMessage, wallClockMs } from './redis/bus';
import { type PendingInvalidation, PendingInvalidations } from './redis/pending-invalidations';
import type { RemoteStore } from './redis/remote-store';
import type { InvalidationEvent, InvalidationListener, InvalidationOutcome } from './types';

/**
 * Invalidations, wherever they come from (this instance, the bus, a replay after an outage):
 * what they did to L1 and to the loads in flight, and what they leave in the local log that
 * every later fill and shared load is checked against.
 */
export class Invalidations {
  readonly log = new InvalidationLog();
  readonly pending = new PendingInvalidations();
  readonly #listeners = new Set<InvalidationListener>();
  #publisherSeq = 0;
  #localSeq = 0;

  constructor(
    private readonly deps: {
      l1: L1Store;
      flights: Flights;
      remote: RemoteStore | undefined;
      /** This instance's id on the bus (its own messages are not applied twice). */
      origin: string;
      metrics: CacheMetrics;
    },
  ) {}

  /** The sequence a load snapshots without Redis (memory mode has no Redis counter). */
  get localSeq(): number {
    return this.#localSeq;
  }

  /** Applies an invalidation here at once, then records it in Redis (queued if Redis fails). */
  async invalidate(fields: readonly string[], soft: boolean): Promise<InvalidationOutcome> {
    if (fields.length === 0) return 'done';
    const { remote } = this.deps;
    this.#apply(fields, soft, remote ? undefined : ++this.#localSeq);
    if (!remote) {
      this.#notify(eventOf(fields, soft));
      return 'done';
    }
    const invalidation: PendingInvalidation = { fields, soft };
    this.pending.push(invalidation);
    await this.replay();
    // Listeners hear of it once Redis has it (or it is queued): a client that refetches on the
    // event, through any instance, cannot be answered from an entry it invalidated.
    this.#notify(eventOf(fields, soft));
    return this.pending.has(invalidation) ? 'queued' : 'done';
  }

  /** Adds a listener told of every invalidation applied here; returns its removal. */
  listen(listener: InvalidationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends what waits for Redis (see PendingInvalidations), in order. */
  async replay(): Promise<void> {
    const { remote, origin } = this.deps;
    if (!remote) return;
    const send = (next: PendingInvalidation) =>
      remote.invalidate({ ...next, origin, publisherSeq: ++this.#publisherSeq });
    const sent = (next: PendingInvalidation, seq: number) =>
      this.#apply(next.fields, next.soft, seq);
    // A second pass covers an invalidation queued just as a running drain was finishing; after
    // a failed pass it would only wait for Redis to fail again.
    for (let pass = 0; pass < 2 && this.pending.size > 0; pass++) {
      if (!(await this.pending.drain(send, sent))) break;
    }
  }

  /** Applies another instance's invalidation, heard on the bus. */
  applyRemote(message: BusMessage): void {
    this.#apply(message.fields, message.soft, Number(message.seq));
    this.deps.metrics.observeBusLag(Number(message.sentAtMs), wallClockMs());
    this.#notify(eventOf(message.fields, message.soft));
  }

  /**
   * The bus lost messages (a gap in a publisher's sequence, an unreadable message, a
   * reconnect): L1 is flushed, and listeners are told that they may have missed invalidations.
   */
  lost(): void {
    this.flushL1();
    this.#notify({ kind: 'missed' });
  }

  /** Drops all of L1 (a lost bus message, a reconnect, a hard clear of the namespace). */
  flushL1(): void {
    this.deps.flights.bump();
    this.deps.l1.clear();
  }

  /**
   * True when something loaded or read at `seq` may still be served here: nothing waits for
   * Redis, and no invalidation since touched its route or tags.
   */
  isCurrent(seq: number, route: string, tags: readonly string[]): boolean {
    return this.pending.size === 0 && this.log.isValid(seq, route, tags);
  }

  #notify(event: InvalidationEvent): void {
    for (const listener of this.#listeners) {
      // A listener's failure is its own: the invalidation itself has already been applied.
      try {
        listener(event);
      } catch {}
    }
  }

  #apply(fields: readonly string[], soft: boolean, seq: number | undefined): void {
    const { l1, flights } = this.deps;
    flights.bump();
    if (!soft && seq !== undefined) this.log.record(fields, seq);
    if (fields.includes(ALL_FIELD)) {
      if (!soft) this.flushL1();
      return;
    }
    const tags = fields.filter((f) => f.startsWith('t:')).map((f) => f.slice(2));
    const routes = fields.filter((f) => f.startsWith('r:')).map((f) => f.slice(2));
    const keys = l1.matching(tags, routes);
    if (soft) l1.markStale(keys, performance.now());
    else for (const key of keys) l1.delete(key);
  }
}

/** What listeners are told of one invalidation's fields. */
function eventOf(fields: readonly string[], soft: boolean): InvalidationEvent {
  if (fields.includes(ALL_FIELD)) return { kind: 'cleared' };
  return {
    kind: 'invalidated',
    tags: fields.filter((f) => f.startsWith('t:')).map((f) => f.slice(2)),
    routes: fields.filter((f) => f.startsWith('r:')).map((f) => f.slice(2)),
    soft,
  };
}
