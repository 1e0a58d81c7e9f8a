import { fromWire } from './wire';

/**
 * Values decoded once per stored entry and handed to every caller (`getOrSet`'s `shared`),
 * frozen so that no caller can change what the others see. Keyed by the entry's bytes: an L1
 * hit hands out the same Buffer each time, and once L1 lets the entry go the value goes too.
 */
export class SharedValues {
  readonly #byBytes = new WeakMap<Buffer, unknown>();

  of<T>(bytes: Buffer): T {
    if (this.#byBytes.has(bytes)) return this.#byBytes.get(bytes) as T;
    const value = deepFreeze(fromWire<T>(bytes));
    this.#byBytes.set(bytes, value);
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const field of Object.values(value)) deepFreeze(field);
  return Object.freeze(value);
}
