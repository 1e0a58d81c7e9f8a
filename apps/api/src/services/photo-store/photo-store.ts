/**
 * Where photo bytes live, by key: PostgreSQL by default (one backup holds everything, and every
 * API instance reads the same rows); an S3-compatible bucket can take its place behind this.
 * The bytes never pass through the cache.
 */
export interface PhotoStore {
  /** Keeps `bytes` under `key` (a new key each time: photos are never overwritten). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Forgets `key`; nothing happens when there is none. */
  remove(key: string): Promise<void>;
}
