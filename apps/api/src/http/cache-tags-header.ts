/**
 * `x-cache-tags`: the cache tags of each call's answer, as a JSON array in call order (null for
 * a call that is not a cached query), so a browser knows which of the queries it shows an
 * invalidation event reaches. A caller only ever learns the tags of answers it was given.
 */
export const cacheTagsHeader = 'x-cache-tags';

/** The header's value from each call's tags as JSON text; undefined when no call is cached. */
export function cacheTagsValue(
  calls: number,
  tagsJsonOf: (index: number) => string | undefined,
): string | undefined {
  let cached = false;
  const parts: string[] = [];
  for (let index = 0; index < calls; index++) {
    const json = tagsJsonOf(index);
    cached ||= json !== undefined;
    parts.push(json ?? 'null');
  }
  return cached ? `[${parts.join(',')}]` : undefined;
}
