/** Stable codes of every error this package throws. */
export type CacheErrorCode =
  | 'INVALID_OPTIONS'
  | 'CLOSED'
  | 'REDIS_TIMEOUT'
  | 'CIRCUIT_OPEN'
  | 'REDIS_UNAVAILABLE';

/** An error of the cache itself (never a loader's error, which passes through unchanged). */
export class CacheError extends Error {
  readonly code: CacheErrorCode;

  constructor(code: CacheErrorCode, message: string) {
    super(message);
    this.name = 'CacheError';
    this.code = code;
  }
}
