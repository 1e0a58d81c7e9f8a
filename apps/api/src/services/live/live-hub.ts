import type { Cache, InvalidationEvent } from '@garage/cache';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { hearingOf } from '../../tags/registry';
import type { Audience, Audiences } from './audience';
import { LiveStream } from './live-stream';
import { dataFrame, pingFrame } from './sse-frames';

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
  /** An event was filtered and serialized for one audience. */
  frameMade(): void;
  /** `count` streams were sent one event (one frame, made once for its audience). */
  eventsSent(count: number): void;
}

/** What the hub needs besides the cache. */
export interface LiveHubOptions {
  limits: LiveLimits;
  metrics: LiveMetrics;
  audiences: Audiences;
  /** How often every stream gets a ping (keeps proxies from closing idle streams). */
  pingIntervalMs: number;
}

/** What a stream is opened for: whose it is, and where the page's data stands. */
export interface StreamRequest {
  user: SessionUser;
  /**
   * The session's cache tag: its streams count against its limit, and hearing it invalidated
   * they check that the session still stands.
   */
  session: string;
  /** The position the page's data stands at (`lastEventId`), to replay from. */
  from: string | null | undefined;
  /** Whether the stream's session still stands (checked when its tag is invalidated). */
  stillSignedIn: () => Promise<boolean>;
  /** What the stream ends with when its session no longer stands. */
  signedOut: () => Error;
}

const positionOf = (event: InvalidationEvent) =>
  event.kind === 'missed' ? undefined : event.position;

/**
 * The streams of one audience, and the one place its events are filtered and serialized: each
 * event once, in order (a customer's filter may read the database), whatever the number of
 * streams, which all get the same frame.
 */
class AudienceStreams {
  readonly streams = new Set<LiveStream>();
  /** The position of the last event filtered: where an event without one is placed. */
  #last: string;
  #chain: Promise<unknown>;

  constructor(
    readonly audience: Promise<Audience>,
    position: string,
    private readonly metrics: LiveMetrics,
  ) {
    this.#last = position;
    this.#chain = audience;
  }

  /** The frame of `event` for this audience, or undefined when nothing of it is theirs. */
  async frameOf(event: InvalidationEvent, position: string) {
    const visible = await (await this.audience).filter(event);
    return visible && { frame: dataFrame(position, visible), position };
  }

  deliver(event: InvalidationEvent): void {
    // Placed now, in the order the cache applied the events.
    const own = positionOf(event);
    const position = own ?? this.#last;
    this.#last = position;
    this.#chain = this.#chain
      .then(() => this.frameOf(event, position))
      // A filter that failed (the database away) cannot say what was theirs: all of it may be.
      .catch(() => ({ frame: dataFrame(position, { kind: 'missed' }), position }))
      .then((made) => {
        if (!made) return;
        this.metrics.frameMade();
        let sent = 0;
        for (const stream of this.streams) {
          if (stream.send(made.frame, made.position, own !== undefined)) sent++;
        }
        this.metrics.eventsSent(sent);
      });
  }
}

/**
 * Fans the cache's invalidations out to the open live streams of this instance, within the
 * limits per session and per instance. One listener on the cache; each event is filtered and
 * serialized once per audience (all staff share one; each customer is one), and the same frame
 * written to each of the audience's streams.
 */
export class LiveHub {
  readonly #audiences = new Map<string, AudienceStreams>();
  readonly #sessions = new Map<string, Set<LiveStream>>();
  readonly #open = new Set<LiveStream>();
  readonly #stopListening: () => void;
  readonly #ping: ReturnType<typeof setInterval>;
  #closing = false;

  constructor(
    private readonly cache: Cache,
    private readonly options: LiveHubOptions,
  ) {
    this.#stopListening = cache.onInvalidation((event) => this.#deliver(event));
    this.#ping = setInterval(() => {
      for (const stream of this.#open) stream.ping(pingFrame);
    }, options.pingIntervalMs);
    this.#ping.unref();
  }

  /** Streams open on this instance. */
  get open(): number {
    return this.#open.size;
  }

  /**
   * Opens a stream (events are kept for it from now on), to be attached to its client with
   * `attach`. TOO_MANY_REQUESTS naming the limit when the session or the instance has no room.
   */
  openStream(request: StreamRequest): LiveStream {
    if (this.#closing) throw restarting();
    const { perSession, perInstance } = this.options.limits;
    const ofSession = this.#sessions.get(request.session) ?? new Set();
    if (ofSession.size >= perSession) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        `a session may hold at most ${perSession} live streams (LIVE_MAX_STREAMS_PER_SESSION); close another tab first`,
      );
    }
    if (this.#open.size >= perInstance) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        `this API instance holds its maximum of ${perInstance} live streams (LIVE_MAX_STREAMS); try again later`,
      );
    }
    const group = this.#audienceOf(request.user);
    const stream = new LiveStream({
      cache: this.cache,
      from: request.from,
      openedAt: this.cache.position(),
      frameOf: (event, position) => group.frameOf(event, position),
      stillSignedIn: request.stillSignedIn,
      signedOut: request.signedOut,
      sent: () => this.options.metrics.eventsSent(1),
      closed: () => {
        this.#open.delete(stream);
        group.streams.delete(stream);
        ofSession.delete(stream);
        const key = this.options.audiences.keyOf(request.user);
        if (group.streams.size === 0 && this.#audiences.get(key) === group) {
          this.#audiences.delete(key);
        }
        if (ofSession.size === 0) this.#sessions.delete(request.session);
        this.options.metrics.streamsChanged(this.#open.size);
      },
    });
    this.#open.add(stream);
    group.streams.add(stream);
    ofSession.add(stream);
    this.#sessions.set(request.session, ofSession);
    this.options.metrics.streamsChanged(this.#open.size);
    return stream;
  }

  /**
   * Ends every stream with SERVICE_UNAVAILABLE (the client reconnects, to this instance once it
   * is back or to another), so a draining server is not held open by them.
   */
  close(): void {
    this.#closing = true;
    this.#stopListening();
    clearInterval(this.#ping);
    for (const stream of [...this.#open]) stream.end(restarting());
  }

  /** The streams of `user`'s audience, made (and its audience read) for their first stream. */
  #audienceOf(user: SessionUser): AudienceStreams {
    const key = this.options.audiences.keyOf(user);
    let group = this.#audiences.get(key);
    if (!group) {
      const audience = this.options.audiences.create(user);
      // A stream whose audience could not be read ends; its client reconnects.
      group = new AudienceStreams(audience, this.cache.position(), this.options.metrics);
      const made = group;
      audience.catch(() => {
        if (this.#audiences.get(key) === made) this.#audiences.delete(key);
        for (const stream of made.streams) stream.end(restarting());
      });
      this.#audiences.set(key, group);
    }
    return group;
  }

  #deliver(event: InvalidationEvent): void {
    if (event.kind === 'invalidated') this.#checkSessions(event.tags);
    for (const group of this.#audiences.values()) group.deliver(event);
  }

  /**
   * A session's tag is heard by nobody but that session's own streams, which check that it
   * still stands (a sign-out invalidates it) and end with UNAUTHORIZED when it does not.
   */
  #checkSessions(tags: readonly string[]): void {
    for (const tag of tags) {
      const streams = hearingOf(tag)?.session ? this.#sessions.get(tag) : undefined;
      const [first] = streams ?? [];
      first?.stillSignedIn().then(
        (standing) => {
          if (!standing) for (const stream of [...(streams ?? [])]) stream.end(first.signedOut());
        },
        // Not known now: the next request of the session will tell.
        () => undefined,
      );
    }
  }
}

/** A retryable code (SERVICE_UNAVAILABLE): tRPC's client reconnects on it. */
const restarting = () => new AppError('UNAVAILABLE', 'the API is restarting; reconnect');

/**
 * Creates the live hub of the app whose cache is `cache`; procedures find it in their context's
 * services (`ctx.live`).
 */
export function createLiveHub(cache: Cache, options: LiveHubOptions): LiveHub {
  return new LiveHub(cache, options);
}
