import { describe, expect, it } from 'vitest';
import { canEnter, homeFor, navFor } from '~/lib/roles';

describe('role gating', () => {
  it('keeps customers out of staff and admin areas', () => {
    expect(canEnter('customer', 'staff')).toBe(false);
    expect(canEnter('customer', 'admin')).toBe(false);
    expect(canEnter('customer', 'portal')).toBe(true);
  });

  it('lets staff into staff pages only, and admins into staff and admin pages', () => {
    expect(canEnter('staff', 'staff')).toBe(true);
    expect(canEnter('staff', 'admin')).toBe(false);
    expect(canEnter('admin', 'staff')).toBe(true);
    expect(canEnter('admin', 'admin')).toBe(true);
  });

  it('refuses everything to a signed-out visitor', () => {
    expect(canEnter(undefined, 'portal')).toBe(false);
  });

  it('shows each role only the links it may follow', () => {
    expect(navFor('customer').map((link) => link.href)).toEqual(['/portal']);
    expect(navFor('staff').map((link) => link.href)).toEqual([
      '/staff/customers',
      '/staff/vehicles',
    ]);
    expect(navFor('admin').map((link) => link.href)).toContain('/admin/cache');
    expect(homeFor('customer')).toBe('/portal');
    expect(homeFor('admin')).toBe('/staff/customers');
  });
});
