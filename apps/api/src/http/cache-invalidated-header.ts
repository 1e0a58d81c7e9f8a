import type { LiveEvent } from '../services/live/audience';

/**
 * `x-cache-invalidated`: on the answer to mutations, what each call invalidated that the caller
 * may hear of (exactly what their live stream is told), as a JSON array of live events in call
 * order (null for a call that invalidated nothing of theirs), so the page refetches what it
 * shows of its own writes as soon as they are answered.
 */
export const cacheInvalidatedHeader = 'x-cache-invalidated';

/** The header's value for `calls` calls; undefined when none invalidated anything heard. */
export function cacheInvalidatedValue(
  calls: number,
  invalidations: readonly (LiveEvent | undefined)[],
): string | undefined {
  const events = Array.from({ length: calls }, (_, index) => invalidations[index] ?? null);
  return events.some((event) => event !== null) ? JSON.stringify(events) : undefined;
}
