import { describe, expect, it } from 'vitest';
import { describeTarget, targetInput } from '~/components/cache/entry-filter';

describe('cache targets', () => {
  it('maps an owner to its tag, a route to itself, and all to all', () => {
    expect(targetInput({ kind: 'owner', ownerId: '42' })).toEqual({ tag: 'owner:42' });
    expect(targetInput({ kind: 'route', route: 'vehicle.list' })).toEqual({
      route: 'vehicle.list',
    });
    expect(targetInput({ kind: 'all' })).toEqual({ all: true });
  });

  it('describes each target for the confirmation dialog', () => {
    expect(describeTarget({ kind: 'owner', ownerId: '7' })).toBe('owner 7');
    expect(describeTarget({ kind: 'all' })).toBe('everything in our namespace');
  });
});
