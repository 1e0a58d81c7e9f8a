import { describe, expect, it } from 'vitest';
import { hashInput } from '../src';
import { scopeOf } from '../src/trpc';

describe('canonical keys and scopes', () => {
  it('ignores field order at every depth, and tells rich values apart', () => {
    expect(hashInput({ a: 1, b: { c: 2, d: [1, { e: 3, f: 4 }] } })).toBe(
      hashInput({ b: { d: [1, { f: 4, e: 3 }], c: 2 }, a: 1 }),
    );
    expect(hashInput({ at: new Date(0) })).not.toBe(hashInput({ at: '1970-01-01T00:00:00.000Z' }));
    expect(hashInput({ n: 1n })).not.toBe(hashInput({ n: 1 }));
    expect(hashInput(undefined)).toBe(hashInput(undefined));
  });

  it('treats a property set to undefined as absent, as a parsed input means it', () => {
    expect(hashInput({ limit: 25, cursor: undefined })).toBe(hashInput({ limit: 25 }));
    expect(hashInput({ a: { b: undefined, c: 1 } })).toBe(hashInput({ a: { c: 1 } }));
    expect(hashInput({ limit: 25 })).not.toBe(hashInput({ limit: 50 }));
  });

  it('never lets an unauthenticated caller share under role or principal scope', () => {
    expect(scopeOf('principal', null)).toBeUndefined();
    expect(scopeOf('role', null)).toBeUndefined();
    expect(scopeOf('public', null)).toBe('public');
    expect(scopeOf('principal', { id: '1', role: 'staff' })).not.toBe(
      scopeOf('principal', { id: '2', role: 'staff' }),
    );
    expect(scopeOf('role', { id: '1', role: 'staff' })).toBe(
      scopeOf('role', { id: '2', role: 'staff' }),
    );
  });
});
