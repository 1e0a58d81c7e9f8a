import type { AppRouter } from '@garage/api';
import type { Operation, TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { CacheTagIndex } from './cache-tag-index';
import type { LiveEvent } from './live-resume';

/**
 * Where each operation sits in the batch it was sent in: the API's per-call headers list the
 * calls in that order. httpBatchLink hands each batch's operations, in order, to its `headers`
 * option, which is where they are noted.
 */
export class BatchPositions {
  readonly #at = new Map<number, number>();

  /** For httpBatchLink's `headers`: notes each operation's place (adds no header). */
  readonly note = ({ opList }: { opList: readonly Operation[] }) => {
    for (const [index, op] of opList.entries()) this.#at.set(op.id, index);
    return {};
  };

  /** The place of `op` in its batch (forgotten once taken). */
  take(op: Operation): number {
    const at = this.#at.get(op.id) ?? 0;
    this.#at.delete(op.id);
    return at;
  }
}

// Each answer's per-call header, parsed once for all the calls it answers.
const parsedHeaders = new WeakMap<Response, Map<string, unknown>>();

/** The entry for call `index` of the JSON array in `response`'s `name` header. */
function perCall(response: unknown, name: string, index: number): unknown {
  if (!(response instanceof Response) || !response.ok) return undefined;
  let parsed = parsedHeaders.get(response);
  if (!parsed) {
    parsed = new Map();
    parsedHeaders.set(response, parsed);
  }
  if (!parsed.has(name)) {
    let value: unknown;
    try {
      value = JSON.parse(response.headers.get(name) ?? 'null');
    } catch {
      value = undefined;
    }
    parsed.set(name, value);
  }
  const calls = parsed.get(name);
  return Array.isArray(calls) ? calls[index] : undefined;
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** An entry of `x-cache-invalidated`: a live event, as the page's stream would bring it. */
function liveEventOf(value: unknown): LiveEvent | undefined {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return undefined;
  if (value.kind === 'missed') return { kind: 'missed' };
  if (value.kind !== 'invalidated' || !('tags' in value) || !('routes' in value)) return undefined;
  const { tags, routes } = value;
  return isStrings(tags) && isStrings(routes) ? { kind: 'invalidated', tags, routes } : undefined;
}

/** What a write says of itself to the cache link (`trpc: { context }` in its options). */
export interface WriteContext {
  /**
   * The page goes away with the write (a delete: its own query would answer NOT_FOUND): what
   * the write reached is marked stale, and refetched where it shows next, not on this page.
   */
  leavesPage?: boolean;
}

/**
 * The one place the tab learns from the API's cache headers, per operation: a query's answer
 * says which tags it carries (`x-cache-tags`), which the tag index keeps; a mutation's answer
 * says what it invalidated that this caller may hear of (`x-cache-invalidated`), which is
 * applied as a live event before the mutation resolves, so the page shows its own write at
 * once (its live stream brings the same event a moment later).
 */
export function cacheLink(options: {
  positions: BatchPositions;
  index: CacheTagIndex;
  /** Refetches what `event` reaches (see refetch.ts); resolves once that is done. */
  apply: (event: LiveEvent, refetch: 'active' | 'none') => Promise<unknown>;
}): TRPCLink<AppRouter> {
  const { positions, index, apply } = options;
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let applied: Promise<unknown> = Promise.resolve();
        const subscription = next(op).subscribe({
          next(envelope) {
            const response = envelope.context?.response;
            if (op.type === 'query') {
              const tags = perCall(response, 'x-cache-tags', positions.take(op));
              index.learn(op.path, op.input, isStrings(tags) ? tags : []);
              observer.next(envelope);
            } else if (op.type === 'mutation') {
              const at = positions.take(op);
              const event = liveEventOf(perCall(response, 'x-cache-invalidated', at));
              const leaving = op.context.leavesPage === true;
              if (event) applied = apply(event, leaving ? 'none' : 'active');
              applied.then(() => observer.next(envelope));
            } else observer.next(envelope);
          },
          error(error) {
            observer.error(error);
          },
          complete() {
            applied.then(() => observer.complete());
          },
        });
        return () => {
          // An operation that failed or was cancelled forgets its place too.
          positions.take(op);
          subscription.unsubscribe();
        };
      });
}
