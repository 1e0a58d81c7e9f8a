import type { QueryKey } from '@tanstack/react-query';
import superjson from 'superjson';

/** What a live event names: invalidated cache tags, and routes (procedure paths). */
export interface Invalidation {
  tags: readonly string[];
  routes: readonly string[];
}

// An infinite query's key leaves out its page's cursor (and direction); so does the index, and
// a list's pages share one entry holding the tags of all of them.
const pageKeys = new Set(['cursor', 'direction']);

/** `{json}` of superjson, without page keys, as stable JSON (keys sorted at every level). */
function canonical(serialized: unknown): string {
  const json =
    typeof serialized === 'object' && serialized !== null && 'json' in serialized
      ? serialized.json
      : undefined;
  const withoutPage =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? Object.fromEntries(Object.entries(json).filter(([key]) => !pageKeys.has(key)))
      : json;
  return JSON.stringify(withoutPage ?? null, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
}

const entryOf = (path: string, serializedInput: unknown) => `${path} ${canonical(serializedInput)}`;

/** Whether a call asks for a later page of a list (its input has a cursor). */
function isLaterPage(serializedInput: unknown): boolean {
  const json =
    typeof serializedInput === 'object' && serializedInput !== null && 'json' in serializedInput
      ? serializedInput.json
      : undefined;
  return typeof json === 'object' && json !== null && 'cursor' in json && json.cursor != null;
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Which cache tags each query of this tab carries, learnt from the API's `x-cache-tags` header
 * (one array per call of a batch, null for a call that is not cached), so that a live event
 * refetches exactly the queries it reaches.
 */
export class CacheTagIndex {
  readonly #tags = new Map<string, Set<string>>();

  /** Records the tags of each call of one batched GET to `url` (/api/trpc/a.b,c.d?batch=1&input=…). */
  record(url: string, header: string | null): void {
    const parsed = new URL(url, 'http://same-origin');
    const paths = decodeURIComponent(parsed.pathname.split('/').pop() ?? '').split(',');
    const inputs = parseJson(parsed.searchParams.get('input'));
    const tagLists = parseJson(header);
    paths.forEach((path, index) => {
      const input =
        typeof inputs === 'object' && inputs !== null
          ? Object.entries(inputs).find(([key]) => key === String(index))?.[1]
          : undefined;
      const listed = Array.isArray(tagLists) ? tagLists[index] : undefined;
      const tags = Array.isArray(listed) ? listed.filter((tag) => typeof tag === 'string') : [];
      const entry = entryOf(path, input);
      const known = this.#tags.get(entry);
      if (known && isLaterPage(input)) for (const tag of tags) known.add(tag);
      else this.#tags.set(entry, new Set(tags));
    });
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
    const tags = this.#tags.get(entryOf(path, superjson.serialize(input)));
    return tags === undefined || event.tags.some((tag) => tags.has(tag));
  }
}
