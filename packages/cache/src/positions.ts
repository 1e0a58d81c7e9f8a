/**
 * A place in the namespace's history of invalidations. `seq` is the namespace counter's number
 * (one per invalidation, without gaps); `epoch` names the history it counts in: Redis's base
 * (see SEQUENCE in redis/scripts.ts), which changes when Redis loses its data, or the process
 * in memory mode. A position from another history is never read as one of this.
 */
export interface Position {
  epoch: string;
  seq: number;
}

/**
 * The text of a position nobody can resume from (this instance cannot say where it stands):
 * resuming from it is answered "everything may have changed".
 */
export const unknownPosition = 'unknown';

/** A position as text: `<epoch>:<seq>`. */
export function positionText(position: Position): string {
  return `${position.epoch}:${position.seq}`;
}

/** Reads a position's text (a client sends it back); undefined for anything else. */
export function parsePosition(text: string): Position | undefined {
  const colon = text.lastIndexOf(':');
  const digits = text.slice(colon + 1);
  if (colon <= 0 || !/^\d{1,16}$/.test(digits)) return undefined;
  const seq = Number(digits);
  return Number.isSafeInteger(seq) ? { epoch: text.slice(0, colon), seq } : undefined;
}
