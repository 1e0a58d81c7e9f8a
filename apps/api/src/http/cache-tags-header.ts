/**
 * `x-cache-tags`: the cache tags of each call's answer, as a JSON array in call order (null for
 * a call that is not a cached query), so a browser knows which of the queries it shows an
 * invalidation event reaches. A caller only ever learns the tags of answers it was given.
 */
export const cacheTagsHeader = 'x-cache-tags';

export function cacheTagsValue(
  calls: number,
  tagsOf: (index: number) => readonly string[] | undefined,
): string | undefined {
  const tags = Array.from({ length: calls }, (_, index) => tagsOf(index) ?? null);
  return tags.some((each) => each !== null) ? JSON.stringify(tags) : undefined;
}
