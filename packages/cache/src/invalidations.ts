import { MemoryEventLog } from './event-log';
import type { Flights } from './flights';
import { ALL_FIELD, InvalidationLog } from './invalidation-log';
import type { L1Store } from './l1';
import type { CacheMetrics } from './metrics';
import { type Position, parsePosition, positionText, unknownPosition } from './positions';
import { type BusMessage, type ProbeMessage, wallClockMs } from './redis/bus';
import { type PendingInvalidation, PendingInvalidations } from './redis/pending-invalidations';
import type { RemoteStore } from './redis/remote-store';
import type { InvalidationEvent, InvalidationListener, InvalidationOutcome } from './types';

/**
 * Invalidations, wherever they come from (this instance, the bus, a replay after an outage):
 * what they did to L1 and to the loads in flight, and what they leave in the local log that
 * every later fill and shared load is checked against. Listeners hear them in the namespace's
 * order, each with its position (see positions.ts) when this instance knows it.
 */
export class Invalidations {
  readonly log = new InvalidationLog();
  readonly pending = new PendingInvalidations();
  readonly #listeners = new Set<InvalidationListener>();
  readonly #memoryLog: MemoryEventLog;
  #publisherSeq = 0;
  #localSeq = 0;
  /**
   * With Redis: the position the bus has brought this instance to. Unknown until a probe this
   * instance published comes back (see PROBE in redis/scripts.ts), and again after every loss.
   */
  #heard: Position | undefined;
  #probing = false;

  constructor(
    private readonly deps: {
      l1: L1Store;
      flights: Flights;
      remote: RemoteStore | undefined;
      /** This instance's id on the bus (its own messages are not applied twice). */
      origin: string;
      metrics: CacheMetrics;
      /** Whether the bus is subscribed (then this instance hears its own invalidations on it). */
      busHealthy: () => boolean;
      /** How many invalidations the event log keeps, to replay from a position. */
      maxLoggedEvents: number;
    },
  ) {
    this.#memoryLog = new MemoryEventLog(deps.maxLoggedEvents);
  }

  /** The sequence a load snapshots without Redis (memory mode has no Redis counter). */
  get localSeq(): number {
    return this.#localSeq;
  }

  /** Applies an invalidation here at once, then records it in Redis (queued if Redis fails). */
  async invalidate(fields: readonly string[], soft: boolean): Promise<InvalidationOutcome> {
    if (fields.length === 0) return 'done';
    const { remote, origin } = this.deps;
    if (!remote) {
      const seq = ++this.#localSeq;
      this.#apply(fields, soft, seq);
      const event = eventOf(fields, soft, positionText({ epoch: origin, seq }));
      this.#memoryLog.record(seq, event);
      this.#notify(event);
      return 'done';
    }
    this.#apply(fields, soft, undefined);
    const invalidation: PendingInvalidation = { fields, soft };
    this.pending.push(invalidation);
    await this.replay();
    const queued = this.pending.has(invalidation);
    // Listeners hear of it once Redis has it, from the bus like every other instance (a client
    // that refetches on the event, through any instance, cannot be answered from an entry it
    // invalidated), in order and with its position. Without the bus to bring it back, or while
    // it waits for Redis, they hear of it now, without one.
    if (queued || !this.deps.busHealthy()) this.#notify(eventOf(fields, soft));
    return queued ? 'queued' : 'done';
  }

  /**
   * Where this instance stands: every invalidation up to it has been applied here and told to
   * listeners. `unknownPosition` when it cannot say (the bus is down or not yet probed, or
   * invalidations wait for Redis and are in no log).
   */
  position(): string {
    const { remote, origin } = this.deps;
    if (!remote) return positionText({ epoch: origin, seq: this.#localSeq });
    if (!this.#heard) {
      if (this.deps.busHealthy()) void this.#probe();
      return unknownPosition;
    }
    return this.pending.size > 0 ? unknownPosition : positionText(this.#heard);
  }

  /**
   * The invalidations after `position`, in order and each with its own position, from the
   * namespace's event log (Redis's, shared by every instance; this process's in memory mode);
   * undefined when the log cannot say: the position is unknown, from another history, or
   * older than the log reaches, or Redis cannot be read.
   */
  async eventsSince(position: string): Promise<InvalidationEvent[] | undefined> {
    const from = parsePosition(position);
    if (!from) return undefined;
    const { remote, origin } = this.deps;
    if (!remote) {
      return from.epoch === origin ? this.#memoryLog.since(from.seq, this.#localSeq) : undefined;
    }
    // Invalidations waiting for Redis are in no log yet.
    if (this.pending.size > 0) return undefined;
    try {
      const logged = await remote.eventsSince(from);
      return logged?.map(({ seq, fields, soft }) =>
        eventOf(fields, soft, positionText({ epoch: from.epoch, seq })),
      );
    } catch {
      return undefined;
    }
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
    this.#notify(eventOf(message.fields, message.soft, this.#advance(message)));
  }

  /**
   * Hears this instance's own message back on the bus: an invalidation (applied here already,
   * listeners hear of it now) or a probe, which says where the bus has brought this instance.
   */
  heardOwn(message: BusMessage | ProbeMessage): void {
    if ('probe' in message) {
      const seq = Number(message.seq);
      const heard = this.#heard;
      if (heard?.epoch === message.base) heard.seq = Math.max(heard.seq, seq);
      else this.#heard = { epoch: message.base, seq };
      return;
    }
    this.#notify(eventOf(message.fields, message.soft, this.#advance(message)));
  }

  /**
   * The bus lost messages (a gap in a publisher's sequence, an unreadable message, a
   * reconnect): L1 is flushed, and listeners are told that they may have missed invalidations.
   * Where this instance stands is asked again.
   */
  lost(): void {
    this.#heard = undefined;
    this.flushL1();
    this.#notify({ kind: 'missed' });
    void this.#probe();
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

  /** Moves this instance's position to a message heard on the bus; its text, when known. */
  #advance(message: BusMessage): string | undefined {
    const heard = this.#heard;
    if (!heard) return undefined;
    if (message.base !== undefined && message.base !== heard.epoch) {
      // Redis lost its data and counts from a new base: nothing before it can be vouched for.
      this.lost();
      return undefined;
    }
    heard.seq = Math.max(heard.seq, Number(message.seq));
    return positionText(heard);
  }

  /** Publishes a probe, one at a time; its failure leaves the position unknown until asked. */
  async #probe(): Promise<void> {
    const { remote, origin } = this.deps;
    if (!remote || this.#probing) return;
    this.#probing = true;
    try {
      await remote.probe(origin);
    } catch {
      // Asked again by the next position() while the bus is up, or by the next loss.
    } finally {
      this.#probing = false;
    }
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

/** What listeners are told of one invalidation's fields, with its position when known. */
function eventOf(
  fields: readonly string[],
  soft: boolean,
  position?: string | undefined,
): InvalidationEvent {
  const at = position === undefined ? {} : { position };
  if (fields.includes(ALL_FIELD)) return { kind: 'cleared', ...at };
  return {
    kind: 'invalidated',
    tags: fields.filter((f) => f.startsWith('t:')).map((f) => f.slice(2)),
    routes: fields.filter((f) => f.startsWith('r:')).map((f) => f.slice(2)),
    soft,
    ...at,
  };
}
