// The cache engine. Its tRPC side (cached queries, gates, the fast path, the HTTP wire) is
// `@garage/cache/trpc`.

export { CacheError, type CacheErrorCode } from './errors';
export { hashInput } from './keys';
export { parsePosition, unknownPosition } from './positions';
export { createCache } from './tiered-cache';
export type {
  Cache,
  CacheEntryInfo,
  CacheKey,
  CacheLogger,
  CacheOptions,
  CacheStats,
  CountFilter,
  GetOrSetOptions,
  InvalidationEvent,
  InvalidationListener,
  InvalidationOutcome,
  RouteStats,
} from './types';
export type { StoredAnswer } from './wire';
