/**
 * Whether an `If-None-Match` header names `etag` (RFC 9110 §13.1.2: a list of tags, weak ones
 * compared weakly, or `*`), so the caller already holds the answer and gets a 304.
 */
export function holdsCurrent(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
