import { type Cache, type InvalidationEvent, parsePosition } from '@garage/cache';
import type { TrackedEnvelope } from '@trpc/server';
import { AppError } from '../../app-error';
import type { LiveEvent } from './audience';
import { dataFrame } from './sse-frames';

/** Where a stream's frames go: its client's response. */
export interface LiveSink {
  write(frame: Buffer): void;
  /** Bytes written that the client has not taken yet. */
  readonly unsent: number;
  /** Calls `then` once the client has taken what was written. */
  drained(then: () => void): void;
  /** Ends the stream, after a frame naming `error` when given. */
  end(error?: Error): void;
}

/** A frame made for the stream's audience, at its position. */
interface Frame {
  bytes: Buffer;
  position: string;
  /** The position is the event's own (not borrowed from the one before): replay may hold it. */
  own: boolean;
}

// A stream whose client takes this much less than it was sent stops getting events until it
// catches up, then gets one `missed` (refetch everything): a stalled client costs the instance
// a bounded amount of memory. The same for events kept while a stream replays.
const maxUnsentBytes = 256 * 1024;
const maxKeptFrames = 256;

const missed: LiveEvent = { kind: 'missed' };
const positionOf = (event: InvalidationEvent) =>
  event.kind === 'missed' ? undefined : event.position;

/** Whether `position` lies at or before `through` (in the same history). */
function reaches(through: string, position: string): boolean {
  const last = parsePosition(through);
  const at = parsePosition(position);
  return last !== undefined && at?.epoch === last.epoch && at.seq <= last.seq;
}

/** What a stream is made with (see LiveHub.openStream). */
export interface LiveStreamSetup {
  cache: Cache;
  /** The position the page's data stands at, to replay from. */
  from: string | null | undefined;
  /** Where the instance stood when the stream opened (events after it are kept for it). */
  openedAt: string;
  /** The frame of an event for the stream's audience (its one filter). */
  frameOf(
    event: InvalidationEvent,
    position: string,
  ): Promise<{ frame: Buffer; position: string } | undefined>;
  stillSignedIn: () => Promise<boolean>;
  /** What the stream ends with when its session no longer stands. */
  signedOut: () => Error;
  /** Told of each event the stream sent of its own (replayed, or `missed`). */
  sent(): void;
  /** Told once when the stream has ended, for whatever reason. */
  closed(): void;
}

/**
 * One open stream. From its opening it keeps the frames its audience is sent; attached to its
 * client, it first replays what was invalidated since the page's position (from the cache's
 * log, through the same filter), or sends `missed` when the log cannot tell, then what it kept,
 * less what the replay held, then each frame as it comes.
 */
export class LiveStream implements AsyncIterable<TrackedEnvelope<LiveEvent>> {
  readonly stillSignedIn: () => Promise<boolean>;
  readonly signedOut: () => Error;
  #sink: LiveSink | undefined;
  #kept: Frame[] = [];
  /** Frames were dropped while kept: a `missed` at this position goes first. */
  #overflowAt: string | undefined;
  #live = false;
  /** The client fell behind: frames are dropped, and a `missed` at this position follows. */
  #behindAt: string | undefined;
  /** Why it ended (null: quietly); undefined while open. */
  #ended: Error | null | undefined;

  constructor(private readonly setup: LiveStreamSetup) {
    this.stillSignedIn = setup.stillSignedIn;
    this.signedOut = setup.signedOut;
  }

  /** Starts sending to `sink`: the replay, what was kept, then each frame as it comes. */
  async attach(sink: LiveSink): Promise<void> {
    if (this.#ended !== undefined) {
      sink.end(this.#ended ?? undefined);
      return;
    }
    this.#sink = sink;
    const replayedThrough = await this.#replay();
    if (this.#ended !== undefined) return;
    if (this.#overflowAt !== undefined) {
      this.#sendOwn(dataFrame(this.#overflowAt, missed), this.#overflowAt);
    }
    for (const frame of this.#kept) {
      const held = frame.own && replayedThrough && reaches(replayedThrough, frame.position);
      if (!held) this.#write(frame.bytes, frame.position);
    }
    this.#kept = [];
    this.#live = true;
  }

  /** Sends (or keeps, until attached) a frame of the audience; false once the stream ended. */
  send(bytes: Buffer, position: string, own: boolean): boolean {
    if (this.#ended !== undefined) return false;
    if (this.#live) this.#write(bytes, position);
    else if (this.#kept.length < maxKeptFrames) this.#kept.push({ bytes, position, own });
    else {
      this.#kept = [];
      this.#overflowAt = position;
    }
    return true;
  }

  /** Keeps an idle stream open (not while it replays or its client is behind). */
  ping(frame: Buffer): void {
    if (this.#live && this.#ended === undefined && this.#behindAt === undefined) {
      this.#sink?.write(frame);
    }
  }

  /** Ends the stream, with `error` sent to the client when given. */
  end(error?: Error): void {
    if (this.#ended !== undefined) return;
    this.#ended = error ?? null;
    this.#sink?.end(error);
    this.setup.closed();
  }

  /** The client went away. */
  close(): void {
    this.end();
  }

  /**
   * tRPC's own road for subscriptions: never taken (GET /trpc/live.events is answered by
   * serve-live.ts); should a client come this way, it is told to reconnect.
   */
  [Symbol.asyncIterator](): AsyncIterator<TrackedEnvelope<LiveEvent>> {
    this.close();
    const refusal = new AppError(
      'UNAVAILABLE',
      'live streams are served on GET /trpc/live.events; reconnect',
    );
    return { next: () => Promise.reject(refusal) };
  }

  /** Replays from `from`; returns the position it replayed through (undefined: none). */
  async #replay(): Promise<string | undefined> {
    const { cache, from, openedAt } = this.setup;
    if (!from) return undefined;
    const replay = await cache.eventsSince(from).catch(() => undefined);
    if (!replay) {
      this.#sendOwn(dataFrame(openedAt, missed), openedAt);
      return undefined;
    }
    let last = from;
    for (const event of replay) {
      last = positionOf(event) ?? last;
      const made = await this.setup.frameOf(event, last);
      if (this.#ended !== undefined) return undefined;
      if (made) this.#sendOwn(made.frame, made.position);
    }
    return last;
  }

  /** A frame the stream made itself (not one its audience was sent), counted as sent. */
  #sendOwn(bytes: Buffer, position: string): void {
    this.#write(bytes, position);
    this.setup.sent();
  }

  #write(bytes: Buffer, position: string): void {
    const sink = this.#sink;
    if (!sink) return;
    if (this.#behindAt !== undefined) {
      this.#behindAt = position;
      return;
    }
    if (sink.unsent <= maxUnsentBytes) {
      sink.write(bytes);
      return;
    }
    this.#behindAt = position;
    sink.drained(() => {
      const at = this.#behindAt;
      this.#behindAt = undefined;
      if (at === undefined || this.#ended !== undefined) return;
      sink.write(dataFrame(at, missed));
      this.setup.sent();
    });
  }
}
