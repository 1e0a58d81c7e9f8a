/**
 * Estimates the V8 heap bytes a value retains, for the L1 byte budget. It models the trees L1
 * holds, `deepFreeze(superjson.parse(payload))`, on Node 20 (V8 11.3, 64-bit, no pointer
 * compression: a tagged slot is 8 bytes). Every figure was checked against the heap's used size;
 * test/heap-size.test.ts keeps the model honest.
 *
 * Approximations, all deliberate:
 * - Hidden classes (maps) are shared by all objects of a shape, so they are not counted.
 * - No visited set (no temporaries): a string, or a value superjson restores as shared (repeated
 *   references, equal bigints), counts once per reference. JSON.parse internalizes strings of up
 *   to 10 characters, one copy per content, so a vocabulary (`make: 'Toyota'`) is over-counted;
 *   that errs on the side of the budget. Cycles never get here: deepFreeze overflows on them.
 * - A number costs its slot, plus a 16-byte HeapNumber unless it is a Smi. Frozen arrays hold
 *   no unboxed doubles (freezing makes double elements tagged). Not counted: a Smi in a field
 *   that another object of its shape gave a fraction (V8 then boxes the whole field).
 */

/** JSObject header: map, properties, elements. */
const OBJECT_HEADER = 24;
/** One tagged slot: an in-object property, an array element, a table entry word. */
const SLOT = 8;
/** An object parsed from `{}` still gets 4 in-object slots (the empty-literal map). */
const EMPTY_OBJECT = OBJECT_HEADER + 4 * SLOT;
/** JSON.parse takes its maps from a cache of 128 sizes; from 128 keys on it makes dictionaries. */
const DICTIONARY_KEYS = 128;
/** NameDictionary: a 32-byte object, FixedArray map + length, 5 prefix words; 3 words an entry. */
const DICTIONARY_FIXED = 32 + 16 + 5 * SLOT;
/** JSArray: map, properties, elements, length. An empty one shares the empty FixedArray. */
const ARRAY_HEADER = 32;
/** FixedArray (elements), SeqString (map, hash, length) and BigInt (map, bitfield) headers. */
const FIXED_ARRAY_HEADER = 16;
const STRING_HEADER = 16;
const BIGINT_HEADER = 16;
/** HeapNumber: map + float64. */
const HEAP_NUMBER = 16;
/** JSDate: header + value + 8 cached fields (year..cache stamp); its time value is a HeapNumber
 * (ms since 1970 pass the Smi range 25 days in). ReadonlyDate adds no field. */
const DATE = OBJECT_HEADER + 9 * SLOT + HEAP_NUMBER;
/** JSMap / JSSet: header + table, plus the `#sealed` slot of freeze.ts's Readonly subclasses. */
const COLLECTION = OBJECT_HEADER + SLOT + SLOT;
/** OrderedHashMap/Set: FixedArray header, 3 counters, capacity/2 buckets, then per capacity
 * 3 words (key, value, chain) for a Map, 2 (key, chain) for a Set. Capacity: 4, doubling. */
const TABLE_FIXED = FIXED_ARRAY_HEADER + 3 * SLOT;
const MAP_WORDS_PER_CAPACITY = 3.5;
const SET_WORDS_PER_CAPACITY = 2.5;

/** Estimated heap bytes retained by `value`, counted once per reference (see the notes above). */
export function estimateHeapBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return isSmi(value) ? 0 : HEAP_NUMBER;
    case 'bigint':
      return bigintBytes(value);
    case 'object':
      return value === null ? 0 : objectBytes(value);
    default:
      return 0; // booleans, undefined: oddballs shared by the whole heap; symbols: rare, shared
  }
}

function objectBytes(value: object): number {
  if (Array.isArray(value)) {
    const n = value.length;
    let bytes = ARRAY_HEADER + (n === 0 ? 0 : FIXED_ARRAY_HEADER + n * SLOT);
    for (let i = 0; i < n; i++) bytes += estimateHeapBytes(value[i]);
    return bytes;
  }
  if (value instanceof Date) return DATE;
  if (value instanceof Map) {
    let bytes = COLLECTION + tableBytes(value.size, MAP_WORDS_PER_CAPACITY);
    for (const [k, v] of value) bytes += estimateHeapBytes(k) + estimateHeapBytes(v);
    return bytes;
  }
  if (value instanceof Set) {
    let bytes = COLLECTION + tableBytes(value.size, SET_WORDS_PER_CAPACITY);
    for (const v of value) bytes += estimateHeapBytes(v);
    return bytes;
  }
  // for-in walks the enum cache without allocating a key array (superjson makes plain objects).
  const record = value as Record<string, unknown>;
  let keys = 0;
  let bytes = 0;
  for (const key in record) {
    keys++;
    bytes += estimateHeapBytes(record[key]);
  }
  if (keys === 0) return EMPTY_OBJECT;
  if (keys < DICTIONARY_KEYS) return bytes + OBJECT_HEADER + keys * SLOT;
  // Dictionary capacity: the power of two at or above 1.5 x the keys (HashTable::ComputeCapacity).
  return bytes + DICTIONARY_FIXED + 3 * SLOT * 2 ** Math.ceil(Math.log2(keys * 1.5));
}

function tableBytes(size: number, wordsPerCapacity: number): number {
  const capacity = size <= 4 ? 4 : 2 ** Math.ceil(Math.log2(size));
  return TABLE_FIXED + capacity * wordsPerCapacity * SLOT;
}

/** A character past Latin-1 makes a string two-byte. On a one-byte string irregexp's Latin-1
 * code for this class cannot match, so the test fails without scanning (unlike a charCodeAt loop). */
const TWO_BYTE = /[\u0100-\uffff]/;

/** Sequential strings: one byte a character (or two), padded to 8 bytes. */
function stringBytes(s: string): number {
  return (STRING_HEADER + s.length * (TWO_BYTE.test(s) ? 2 : 1) + 7) & ~7;
}

/** Without pointer compression a Smi is any int32 except -0. */
function isSmi(n: number): boolean {
  return (n | 0) === n && (n !== 0 || 1 / n > 0);
}

/** 64-bit digits of the magnitude; 0n has none. */
function bigintBytes(n: bigint): number {
  if (n === 0n) return BIGINT_HEADER;
  const hex = (n < 0n ? -n : n).toString(16).length;
  return BIGINT_HEADER + Math.ceil(hex / 16) * SLOT;
}
