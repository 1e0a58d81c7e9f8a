import { describe, expect, it } from 'vitest';
import {
  describeTarget,
  ownerTag,
  ownerTagFrom,
  targetInput,
} from '~/components/cache/entry-filter';

describe('cache targets', () => {
  it('maps an owner to its tag, a route to itself, and all to all', () => {
    expect(targetInput({ kind: 'owner', ownerId: '42' })).toEqual({ tag: 'owner:42' });
    expect(targetInput({ kind: 'route', route: 'vehicle.list' })).toEqual({
      route: 'vehicle.list',
    });
    expect(targetInput({ kind: 'all' })).toEqual({ all: true });
    expect(ownerTag(7)).toBe('owner:7');
  });

  it('describes each target for the confirmation dialog', () => {
    expect(describeTarget({ kind: 'owner', ownerId: '7' })).toBe('owner 7');
    expect(describeTarget({ kind: 'owner', ownerId: '7' }, 'Alice')).toBe(
      'Alice’s entries (owner 7)',
    );
    expect(describeTarget({ kind: 'route', route: 'customer.list' })).toBe('route customer.list');
    expect(describeTarget({ kind: 'all' })).toBe('everything in our namespace');
  });
});

describe('ownerTagFrom', () => {
  it('accepts a customer id or the tag itself', () => {
    expect(ownerTagFrom('42')).toBe('owner:42');
    expect(ownerTagFrom(' owner:42 ')).toBe('owner:42');
    expect(ownerTagFrom('')).toBeUndefined();
    expect(ownerTagFrom('alice')).toBeNull();
    expect(ownerTagFrom('0')).toBeNull();
  });
});
