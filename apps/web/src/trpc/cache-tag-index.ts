import { hashKey, type QueryKey } from '@tanstack/react-query';

/** What a live event or a mutation's answer names: invalidated cache tags, and routes (procedure paths). */
export interface Invalidation {
  tags: readonly string[];
  routes: readonly string[];
}

// An infinite query's key leaves out its page's cursor (and direction); so does the index, and
// a list's pages share one entry holding the tags of all of them.
const pageKeys = new Set(['cursor', 'direction']);

function withoutPage(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).filter(([key]) => !pageKeys.has(key)));
}

/** Whether a call asks for a later page of a list (its input has a cursor). */
const isLaterPage = (input: unknown) =>
  typeof input === 'object' && input !== null && 'cursor' in input && input.cursor != null;

/** React Query's own hash of a key (object keys sorted, Dates as ISO text). */
const entryOf = (path: string, input: unknown) => hashKey([path, withoutPage(input)]);

/**
 * Which cache tags each query of this tab carries, learnt from the API's `x-cache-tags` header
 * of each answer (see cache-link.ts), so that a live event, or a write's answer, refetches
 * exactly the queries it reaches.
 */
export class CacheTagIndex {
  readonly #tags = new Map<string, Set<string>>();

  /**
   * Records the tags of the answer to one call of `path` with `input` (none: not a cached
   * query). A later page of a list adds to the tags of the pages before it.
   */
  learn(path: string, input: unknown, tags: readonly string[]): void {
    const entry = entryOf(path, input);
    const known = this.#tags.get(entry);
    if (known && isLaterPage(input)) for (const tag of tags) known.add(tag);
    else this.#tags.set(entry, new Set(tags));
  }

  /**
   * Whether the query of `queryKey` (a tRPC key: [path parts, {input, type}]) shows something
   * `event` invalidated: its route, or one of its tags. A query whose tags are not known yet
   * (prefetched by the server, never fetched by this tab) is reached by every event.
   */
  reaches(queryKey: QueryKey, event: Invalidation): boolean {
    const [pathParts, options] = queryKey;
    if (!Array.isArray(pathParts)) return false;
    const path = pathParts.join('.');
    if (event.routes.includes(path)) return true;
    const input =
      typeof options === 'object' && options !== null && 'input' in options
        ? options.input
        : undefined;
    const tags = this.#tags.get(entryOf(path, input));
    return tags === undefined || event.tags.some((tag) => tags.has(tag));
  }
}
