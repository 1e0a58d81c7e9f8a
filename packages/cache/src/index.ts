export { createCache } from './cache';
export { CacheError, type CacheErrorCode } from './errors';
export { hashInput } from './keys';
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
