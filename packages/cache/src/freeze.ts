/**
 * L1 hands the same object to every caller, so it must be immutable: plain objects and arrays
 * are frozen, and Date / Map / Set (whose contents Object.freeze does not protect) become
 * subclasses whose mutators throw. They still pass `instanceof Date|Map|Set` and superjson.
 */
function refuse(): never {
  throw new TypeError('values served by @garage/cache are read-only');
}

class ReadonlyDate extends Date {}
const dateSetters = Object.getOwnPropertyNames(Date.prototype).filter((n) => n.startsWith('set'));
for (const name of dateSetters) {
  Object.defineProperty(ReadonlyDate.prototype, name, { value: refuse });
}

class ReadonlyMap<K, V> extends Map<K, V> {
  #sealed = false;
  seal(): this {
    this.#sealed = true;
    return this;
  }
  override set(key: K, value: V): this {
    if (this.#sealed) refuse();
    return super.set(key, value);
  }
  override delete(): boolean {
    return refuse();
  }
  override clear(): void {
    refuse();
  }
}

class ReadonlySet<V> extends Set<V> {
  #sealed = false;
  seal(): this {
    this.#sealed = true;
    return this;
  }
  override add(value: V): this {
    if (this.#sealed) refuse();
    return super.add(value);
  }
  override delete(): boolean {
    return refuse();
  }
  override clear(): void {
    refuse();
  }
}

/** Deep-freezes a value the cache owns (fresh from deserialization), replacing mutable builtins. */
export function deepFreeze<T>(value: T): T {
  return freezeValue(value) as T;
}

function freezeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Object.freeze(new ReadonlyDate(value.getTime()));
  if (value instanceof Map) {
    const map = new ReadonlyMap<unknown, unknown>();
    for (const [k, v] of value) map.set(freezeValue(k), freezeValue(v));
    return Object.freeze(map.seal());
  }
  if (value instanceof Set) {
    const set = new ReadonlySet<unknown>();
    for (const v of value) set.add(freezeValue(v));
    return Object.freeze(set.seal());
  }
  if (Object.isFrozen(value)) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = freezeValue(record[key]);
  return Object.freeze(value);
}
