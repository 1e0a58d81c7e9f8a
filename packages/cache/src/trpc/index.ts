// The cache's tRPC side: cached queries and invalidating mutations, the gates in front of them,
// the fast path that answers GETs of cached queries, and the HTTP wire it writes.

export {
  type CachedQuery,
  type CachedQueryMark,
  type CachedRoutePath,
  createCacheProcedures,
  type Invalidated,
  type InvalidatesMark,
  type InvalidatingMutation,
  type MisnamedRoutes,
  type ResolverOptions,
} from './declarations';
export type { FastAnswer, FastPath } from './fast-path';
export type { FailureMap, GateCheck } from './gates';
export { type CacheScope, type Principal, scopeOf } from './scope';
export {
  parseQueryRequest,
  type QueryCall,
  type QueryRequest,
  storedResponseBody,
  storedResponseEtag,
  storedResponseParts,
} from './stored-response';
