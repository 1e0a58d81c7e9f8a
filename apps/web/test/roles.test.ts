import { describe, expect, it } from 'vitest';
import { areaOf, canEnter, homeFor, landingFor, navFor } from '~/lib/roles';

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
      '/staff/work-orders',
      '/staff/board',
      '/staff/due-soon',
      '/staff/saved-jobs',
      '/staff/schedule',
    ]);
    expect(navFor('admin').map((link) => link.href)).toEqual([
      '/staff/customers',
      '/staff/vehicles',
      '/staff/work-orders',
      '/staff/board',
      '/staff/due-soon',
      '/staff/saved-jobs',
      '/staff/schedule',
      '/admin/settings',
      '/admin/inspection-templates',
      '/admin/cache',
    ]);
    expect(homeFor('customer')).toBe('/portal');
    expect(homeFor('admin')).toBe('/staff/customers');
  });
});

describe('landingFor', () => {
  it('follows next when the role may open it', () => {
    expect(landingFor('staff', '/staff/vehicles/3')).toBe('/staff/vehicles/3');
    expect(landingFor('admin', '/admin/cache')).toBe('/admin/cache');
    expect(landingFor('customer', '/portal')).toBe('/portal');
  });

  it('goes to the start page when next is missing, foreign or forbidden', () => {
    expect(landingFor('customer', undefined)).toBe('/portal');
    expect(landingFor('customer', '/staff/customers')).toBe('/portal');
    expect(landingFor('staff', '/admin/cache')).toBe('/staff/customers');
    expect(landingFor('staff', '//evil.example')).toBe('/staff/customers');
    expect(landingFor('staff', '/\\evil.example')).toBe('/staff/customers');
    expect(landingFor('staff', 'https://evil.example')).toBe('/staff/customers');
    expect(landingFor('admin', '/')).toBe('/staff/customers');
  });

  it('knows the area of a path', () => {
    expect(areaOf('/staff/vehicles/3')).toBe('staff');
    expect(areaOf('/admin?x=1')).toBe('admin');
    expect(areaOf('/sign-in')).toBeUndefined();
  });
});
