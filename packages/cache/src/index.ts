export { CacheError, type CacheErrorCode } from './errors';
export { hashInput } from './keys';
export { parsePosition, unknownPosition } from './positions';
export { createCache } from './tiered-cache';
export {
  type CachedQuery,
  createCacheProcedures,
  type InvalidatingMutation,
  type ResolverOptions,
} from './trpc/declarations';
export { type CacheScope, type Principal, scopeOf } from './trpc/scope';
export {
  parseQueryRequest,
  type QueryCall,
  type QueryRequest,
  storedResponseBody,
  storedResponseEtag,
  storedResponseParts,
} from './trpc/stored-response';
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
