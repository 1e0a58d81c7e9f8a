import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { cacheAwareTransformer, createCache } from '../src';

describe('cacheAwareTransformer', () => {
  it('serializes a value the cache handed out once, and round-trips it like superjson', async () => {
    const cache = createCache({ namespace: `transformer-${process.pid}` });
    const load = async () => ({ rows: [{ id: 1, at: new Date(0), tags: new Set(['a']) }] });
    const options = { ttlMs: 60_000 };
    const key = { route: 'item.list', scope: 'public', input: {} };
    const first = await cache.getOrSet(key, load, options);
    const again = await cache.getOrSet(key, load, options);
    expect(again).toBe(first);

    const serialized = cacheAwareTransformer.serialize(first);
    expect(cacheAwareTransformer.serialize(again)).toBe(serialized);
    expect(serialized).toEqual(superjson.serialize(await load()));
    expect(cacheAwareTransformer.deserialize(serialized)).toEqual(await load());
    await cache.close();
  });

  it('serializes a mutable value afresh every time, so a later change is never hidden', () => {
    const value = { count: 1 };
    const before = cacheAwareTransformer.serialize(value);
    value.count = 2;
    const after = cacheAwareTransformer.serialize(value);
    expect(after).not.toBe(before);
    expect(cacheAwareTransformer.deserialize(after)).toEqual({ count: 2 });
    expect(cacheAwareTransformer.serialize('text')).toEqual(superjson.serialize('text'));
  });
});
