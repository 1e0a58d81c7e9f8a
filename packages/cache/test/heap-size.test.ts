import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../src/freeze';
import { estimateHeapBytes } from '../src/heap-size';

// Forced GC without a Vitest config change: --expose-gc set at run time applies to contexts
// created afterwards, so a fresh context hands out `gc`.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Heap in use after GCs stop changing it: some caches only drop after a few GCs, so it takes
 * three calm readings in a row. Code spaces are left out: the JIT compiles on its own schedule.
 */
function settledHeap(): number {
  let used = Number.NaN;
  for (let calm = 0, i = 0; calm < 3 && i < 30; i++) {
    gc();
    let now = 0;
    for (const space of getHeapSpaceStatistics()) {
      if (!space.space_name.includes('code')) now += space.space_used_size;
    }
    calm = Math.abs(now - used) < 1024 ? calm + 1 : 0;
    used = now;
  }
  return used;
}

const MAKES = ['Renault', 'Peugeot', 'Volkswagen', 'Toyota', 'Ford', 'Škoda'];
const MODELS = ['Clio', '308', 'Golf', 'Yaris', 'Focus', 'Octavia'];
const COLOURS = ['white', 'black', 'grey', null, 'blue', 'red'];
const NAMES = ['Marie Dubois', 'João Ferreira', 'Łucja Nowak', 'Thomas Müller', 'Aoife Byrne'];

/** A vehicle-like row; every id gives different content, as distinct L1 entries have. */
function row(id: number) {
  const at = Date.UTC(2025, 0, 1) + id * 3_600_000;
  const letter = (n: number) => String.fromCharCode(65 + (n % 26));
  return {
    id,
    ownerId: 10_000 + (id % 977),
    vin: `VF1RFB${String(id).padStart(11, '0')}`,
    plate: `GA-${String(id % 1000).padStart(3, '0')}-${letter(id)}${letter(id >> 5)}`,
    make: MAKES[id % MAKES.length],
    model: MODELS[id % MODELS.length],
    year: 2010 + (id % 15),
    mileage: 5_000 + id * 37,
    colour: COLOURS[id % COLOURS.length],
    notes: id % 3 === 0 ? null : `Front brake pads at ${id % 100}%, check again at the service.`,
    createdAt: new Date(at),
    updatedAt: new Date(at + 86_400_000),
    owner: { id: 10_000 + (id % 977), name: `${NAMES[id % NAMES.length]} ${id}` },
  };
}

const page = (copy: number) => ({
  items: Array.from({ length: 50 }, (_, i) => row(copy * 50 + i + 1)),
  nextCursor: copy * 50 + 50,
});

/**
 * Real heap per copy of a value the way L1 holds it (`deepFreeze(superjson.parse(payload))`):
 * `copies` distinct values parsed between two settled readings, the delta divided by them.
 * Every payload is parsed once beforehand: that creates the hidden classes and code, and
 * JSON.stringify returns a rope (cons string) that the first JSON.parse flattens, a change in
 * its size that would otherwise land in the measurement. The payloads stay in use until after.
 */
function calibrate(make: (copy: number) => unknown, copies: number) {
  const payloads = Array.from({ length: copies }, (_, c) => superjson.stringify(make(c)));
  for (const payload of payloads) deepFreeze(superjson.parse(payload));
  const values: unknown[] = new Array(copies).fill(null);
  const before = settledHeap();
  for (let c = 0; c < copies; c++) values[c] = deepFreeze(superjson.parse(payloads[c] ?? ''));
  const measured = (settledHeap() - before) / copies;
  let estimate = 0;
  let payloadBytes = 0;
  for (let c = 0; c < copies; c++) {
    estimate += estimateHeapBytes(values[c]);
    payloadBytes += Buffer.byteLength(payloads[c] ?? '');
  }
  return { measured, estimate: estimate / copies, payloadBytes: payloadBytes / copies };
}

const shapes = [
  { name: 'a 50-row page', copies: 200, make: page },
  { name: 'a single row', copies: 2_000, make: (copy: number) => row(copy + 1) },
  {
    name: '1,000 distinct short strings',
    copies: 200,
    make: (copy: number) => Array.from({ length: 1_000 }, (_, i) => `t${copy}-${i}`),
  },
  {
    name: 'a Map and a Set',
    copies: 2_000,
    make: (copy: number) => ({
      byId: new Map(Array.from({ length: 20 }, (_, i) => [copy * 20 + i, `vehicle ${copy}-${i}`])),
      tags: new Set(Array.from({ length: 10 }, (_, i) => `tag-${copy}-${i}`)),
    }),
  },
  {
    name: 'rows of doubles, big integers and bigints',
    copies: 500,
    make: (copy: number) =>
      Array.from({ length: 100 }, (_, i) => ({
        price: copy + i + 0.25,
        at: 2 ** 40 + copy * 100 + i,
        total: BigInt(copy + 1) * 10n ** 20n + BigInt(i),
      })),
  },
];

describe('estimateHeapBytes', () => {
  it.each(shapes)('stays within 0.75x to 1.35x of the real heap of $name', ({ make, copies }) => {
    const { measured, estimate } = calibrate(make, copies);
    expect(estimate / measured).toBeGreaterThan(0.75);
    expect(estimate / measured).toBeLessThan(1.35);
  });

  it('puts a page well above its superjson length, which L1 used to budget by', () => {
    const { measured, estimate, payloadBytes } = calibrate(page, 200);
    expect(measured / payloadBytes).toBeGreaterThan(1.25);
    expect(estimate / payloadBytes).toBeGreaterThan(1.4);
  });

  it('over-counts (never under-counts) short strings that entries share', () => {
    // JSON.parse internalizes strings of up to 10 characters: the same 1,000 tags in every
    // copy exist once, but the estimate counts them in each (a deliberate, safe error).
    const shared = () => Array.from({ length: 1_000 }, (_, i) => `tag-${i}`);
    const { measured, estimate } = calibrate(shared, 200);
    expect(estimate).toBeGreaterThan(measured);
    expect(estimate / measured).toBeLessThan(5);
  });

  it('sizes each kind of value by its V8 layout', () => {
    expect(estimateHeapBytes(null)).toBe(0);
    expect(estimateHeapBytes(7)).toBe(0);
    expect(estimateHeapBytes(0.5)).toBe(16);
    expect(estimateHeapBytes(-0)).toBe(16);
    expect(estimateHeapBytes(2 ** 31)).toBe(16);
    expect(estimateHeapBytes('a'.repeat(17))).toBe(40);
    expect(estimateHeapBytes('Ł'.repeat(17))).toBe(56);
    expect(estimateHeapBytes(2n ** 64n)).toBe(32);
    expect(estimateHeapBytes({})).toBe(56);
    expect(estimateHeapBytes({ a: 1, b: true })).toBe(40);
    expect(estimateHeapBytes([])).toBe(32);
    expect(estimateHeapBytes([1, 2])).toBe(64);
    expect(estimateHeapBytes(new Date(0))).toBe(112);
    expect(estimateHeapBytes(new Map([[1, 2]]))).toBe(192);
    expect(estimateHeapBytes(new Set([1, 2, 3, 4, 5]))).toBe(240);
  });
});
