export { createCache } from './cache';
export { CacheError, type CacheErrorCode } from './errors';
export { hashInput } from './keys';
export {
  type CachedOptions,
  type CacheScope,
  createCacheMiddleware,
  type InvalidatesOptions,
  type Principal,
  scopeOf,
} from './trpc/middleware';
export {
  parseQueryRequest,
  type QueryCall,
  type QueryRequest,
  storedResponseBody,
} from './trpc/stored-response';
export type {
  Cache,
  CacheEntryInfo,
  CacheKey,
  CacheOptions,
  CacheStats,
  CountFilter,
  GetOrSetOptions,
  RouteStats,
} from './types';
