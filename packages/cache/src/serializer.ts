import superjson from 'superjson';

/** Serializes a value the way tRPC's superjson transformer does (Date, Map, Set, bigint, undefined). */
export function serialize(value: unknown): string {
  return superjson.stringify(value);
}

/** Reverses `serialize`. */
export function deserialize<T>(payload: string): T {
  return superjson.parse<T>(payload);
}
