import { type Cache, type InvalidationEvent, parsePosition } from '@garage/cache';
import type { LiveStream } from './live-hub';

/** An event to send, and the position a client that got it may resume from. */
export interface PlacedEvent {
  position: string;
  event: InvalidationEvent;
}

const positionOf = (event: InvalidationEvent) =>
  event.kind === 'missed' ? undefined : event.position;

/** Whether `position` lies at or before `through` (in the same history). */
function reaches(through: string, position: string): boolean {
  const last = parsePosition(through);
  const at = parsePosition(position);
  return last !== undefined && at?.epoch === last.epoch && at.seq <= last.seq;
}

/**
 * The events of one stream, in order: when the page says where its data stands (`from`),
 * first every invalidation since, from the cache's log (any instance's, through Redis), or
 * `missed` when the log cannot tell them all (the page refetches everything); then the live
 * ones, less those just replayed. Each is placed where a client that got it may resume from:
 * its own position, or for one without (heard while this instance could not place it), the
 * last position sent, never a later one.
 */
export async function* resumed(
  cache: Cache,
  stream: LiveStream,
  from: string | null | undefined,
): AsyncGenerator<PlacedEvent> {
  // Taken once the stream is open: whatever comes after it is queued on the stream.
  let last = cache.position();
  let replayedThrough: string | undefined;
  if (from) {
    const replay = await cache.eventsSince(from);
    if (replay) {
      last = from;
      for (const event of replay) {
        last = positionOf(event) ?? last;
        yield { position: last, event };
      }
      replayedThrough = last;
    } else {
      yield { position: last, event: { kind: 'missed' } };
    }
  }
  for await (const event of stream) {
    const position = positionOf(event);
    if (position !== undefined && replayedThrough && reaches(replayedThrough, position)) continue;
    last = position ?? last;
    yield { position: last, event };
  }
}
