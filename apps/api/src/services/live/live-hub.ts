import type { Cache, InvalidationEvent } from '@garage/cache';
import { TRPCError } from '@trpc/server';
import { EventQueue } from './event-queue';

/** How many live streams may be open (LIVE_MAX_STREAMS_PER_SESSION, LIVE_MAX_STREAMS). */
export interface LiveLimits {
  perSession: number;
  perInstance: number;
}

export const defaultLiveLimits: LiveLimits = { perSession: 5, perInstance: 5_000 };

/** Invalidations kept for streams to replay from a page's position (LIVE_REPLAY_EVENTS). */
export const defaultLiveReplayEvents = 1_000;

/** What the hub reports to /metrics. */
export interface LiveMetrics {
  streamsChanged(open: number): void;
  eventSent(): void;
}

/** One open stream: the cache's invalidation events, as they are applied on this instance. */
export interface LiveStream extends AsyncIterable<InvalidationEvent> {
  /** Releases the stream's place (idempotent). */
  close(): void;
}

// A reader this far behind refetches everything instead of working through the backlog.
const maxQueuedEvents = 256;

/**
 * Fans the cache's invalidations out to the open live streams of this instance, within the
 * limits per session and per instance. One listener on the cache, whatever the number of
 * streams: each event is queued once per stream, and filtered by the stream's reader.
 */
export class LiveHub {
  readonly #streams = new Set<EventQueue<InvalidationEvent>>();
  readonly #perSession = new Map<string, number>();
  readonly #stopListening: () => void;
  #closing = false;

  constructor(
    cache: Cache,
    private readonly limits: LiveLimits,
    private readonly metrics: LiveMetrics,
  ) {
    this.#stopListening = cache.onInvalidation((event) => {
      for (const queue of this.#streams) queue.push(event);
    });
  }

  /** Streams open on this instance. */
  get open(): number {
    return this.#streams.size;
  }

  /**
   * Opens a stream for `session`, closed when `signal` aborts (the client went away).
   * TOO_MANY_REQUESTS naming the limit when the session or the instance has no room left.
   */
  openStream(session: string, signal: AbortSignal | undefined): LiveStream {
    if (this.#closing) throw restarting();
    const { perSession, perInstance } = this.limits;
    const ofSession = this.#perSession.get(session) ?? 0;
    if (ofSession >= perSession) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `a session may hold at most ${perSession} live streams (LIVE_MAX_STREAMS_PER_SESSION); close another tab first`,
      });
    }
    if (this.#streams.size >= perInstance) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `this API instance holds its maximum of ${perInstance} live streams (LIVE_MAX_STREAMS); try again later`,
      });
    }
    const queue = new EventQueue<InvalidationEvent>(maxQueuedEvents, { kind: 'missed' });
    this.#streams.add(queue);
    this.#perSession.set(session, ofSession + 1);
    this.metrics.streamsChanged(this.#streams.size);

    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      queue.end();
      this.#streams.delete(queue);
      const left = (this.#perSession.get(session) ?? 1) - 1;
      if (left > 0) this.#perSession.set(session, left);
      else this.#perSession.delete(session);
      this.metrics.streamsChanged(this.#streams.size);
      signal?.removeEventListener('abort', close);
    };
    signal?.addEventListener('abort', close);
    if (signal?.aborted) close();
    return { close, [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator]() };
  }

  /** Counts one event delivered to a client. */
  sent(): void {
    this.metrics.eventSent();
  }

  /**
   * Ends every stream with SERVICE_UNAVAILABLE (the client reconnects, to this instance once it
   * is back or to another), so a draining server is not held open by them.
   */
  close(): void {
    this.#closing = true;
    this.#stopListening();
    for (const queue of this.#streams) queue.end(restarting());
  }
}

/** A retryable code: tRPC's client reconnects on it. */
const restarting = () =>
  new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'the API is restarting; reconnect' });

/**
 * Creates the live hub of the app whose cache is `cache`; procedures find it in their context's
 * services (`ctx.live`).
 */
export function createLiveHub(cache: Cache, limits: LiveLimits, metrics: LiveMetrics): LiveHub {
  return new LiveHub(cache, limits, metrics);
}
