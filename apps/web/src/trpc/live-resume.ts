import type { RouterOutputs } from '@garage/api';

type LiveStream = RouterOutputs['live']['events'];

/** One event of the page's live stream (its id, the position, comes beside it). */
export type LiveEvent = LiveStream extends AsyncIterable<{ data: infer Event }> ? Event : never;

/** What data rendered at some position needs: nothing, these events again, or a refetch of all. */
export type CatchUp = { kind: 'none' } | { kind: 'events'; events: LiveEvent[] } | { kind: 'all' };

/**
 * Positions are the API's (`x-live-position`, event ids): `<epoch>:<seq>`. Two positions of one
 * history compare by their numbers; positions of different histories (the API's Redis lost its
 * data, or it restarted in memory mode) do not compare at all.
 */
function parse(position: string): { epoch: string; seq: number } | undefined {
  const colon = position.lastIndexOf(':');
  const seq = Number(position.slice(colon + 1));
  return colon > 0 && Number.isSafeInteger(seq)
    ? { epoch: position.slice(0, colon), seq }
    : undefined;
}

/** Whether `position` lies at or after `than`; undefined when they do not compare. */
function atOrAfter(position: string, than: string): boolean | undefined {
  const a = parse(position);
  const b = parse(than);
  return a && b && a.epoch === b.epoch ? a.seq >= b.seq : undefined;
}

/** A position nothing resumes from (the API answers `missed`: refetch everything). */
const unknownPosition = 'unknown';

/**
 * The older of two positions, for data read at both: the stream must resume from it. Positions
 * that do not compare give one nothing resumes from.
 */
export function olderPosition(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  const order = atOrAfter(a, b);
  return order === undefined ? unknownPosition : order ? b : a;
}

// Events kept to catch up data rendered after they arrived (a client navigation).
const keptEvents = 100;

/**
 * Where this tab's data stands in the API's history of invalidations, for its live stream.
 * Before the stream starts: the oldest position a server render read its data at, which the
 * stream resumes from (the API replays what came after). Once it runs: the last events it
 * brought, so that data rendered later from an older position (the page a link led to, read
 * while an event was on its way) gets those events again, or a refetch of everything when it is
 * older than what is kept.
 */
export class LiveResume {
  #start: string | undefined;
  #streaming = false;
  /** Every event after `#keptFrom` (when known), in order, with its position. */
  #kept: { position: string; event: LiveEvent }[] = [];
  #keptFrom: string | undefined;

  /** Data read at `position` is now shown (after it was hydrated); what it needs to catch up. */
  rendered(position: string): CatchUp {
    if (!this.#streaming) {
      this.#start = olderPosition(this.#start, position);
      return { kind: 'none' };
    }
    const last = this.#kept.at(-1)?.position ?? this.#keptFrom;
    if (last !== undefined && atOrAfter(position, last)) return { kind: 'none' };
    if (this.#keptFrom === undefined || !atOrAfter(position, this.#keptFrom))
      return { kind: 'all' };
    // The events after `position`, and any that does not compare with it (kept, to be safe).
    const events = this.#kept.filter((kept) => atOrAfter(position, kept.position) !== true);
    return { kind: 'events', events: events.map((kept) => kept.event) };
  }

  /** The position the stream (re)connects from: its last event's, or the renders' oldest. */
  resumeFrom(): string | undefined {
    return this.#kept.at(-1)?.position ?? this.#keptFrom ?? this.#start;
  }

  /** The stream is open, from `resumeFrom()`: every event after it will come through it. */
  started(): void {
    this.#keptFrom ??= this.#start;
    this.#streaming = true;
  }

  /** The stream brought `event`, placed at `position`. */
  heard(position: string, event: LiveEvent): void {
    this.#kept.push({ position, event });
    if (this.#kept.length > keptEvents) this.#keptFrom = this.#kept.shift()?.position;
  }
}
