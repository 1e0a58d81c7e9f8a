import superjson from 'superjson';

type Serialized = ReturnType<typeof superjson.serialize>;

// Keyed by the frozen value itself: it can never change, so neither can its serialization, and
// the memo goes when the value does.
const serializedOnce = new WeakMap<object, Serialized>();

/**
 * superjson as a tRPC transformer, except that a frozen value (every value this cache hands
 * out is deeply frozen) is serialized once, not on every response: on a cached 50-row page
 * superjson was most of the request's CPU time.
 */
export const cacheAwareTransformer = {
  serialize(value: unknown): Serialized {
    if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) {
      return superjson.serialize(value);
    }
    let serialized = serializedOnce.get(value);
    if (!serialized) {
      serialized = Object.freeze(superjson.serialize(value));
      serializedOnce.set(value, serialized);
    }
    return serialized;
  },
  deserialize<T>(payload: Serialized): T {
    return superjson.deserialize<T>(payload);
  },
};
