import type { RouterOutputs } from '@garage/api';
import { sameOriginPath } from './requested-path';

/** The roles the API knows: the one auth.me reports. */
export type Role = NonNullable<RouterOutputs['auth']['me']>['role'];

/** Who may open which area of the app; the layouts enforce it on the server. */
export const areaRoles = {
  staff: ['staff', 'admin'],
  admin: ['admin'],
  portal: ['customer'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof areaRoles;

/** True when a user of `role` may open pages of `area`. */
export function canEnter(role: Role | undefined, area: Area): boolean {
  if (!role) return false;
  return (areaRoles[area] as readonly Role[]).includes(role);
}

/** The page a user lands on after signing in. */
export function homeFor(role: Role): string {
  if (role === 'customer') return '/portal';
  return '/staff/customers';
}

export interface NavLink {
  href: string;
  label: string;
}

/** The navigation links a role sees; pages stay guarded on the server regardless. */
export function navFor(role: Role): NavLink[] {
  if (role === 'customer') return [{ href: '/portal', label: 'My vehicles' }];
  const links: NavLink[] = [
    { href: '/staff/customers', label: 'Customers' },
    { href: '/staff/vehicles', label: 'Vehicles' },
    { href: '/staff/work-orders', label: 'Work orders' },
    { href: '/staff/board', label: 'Board' },
    { href: '/staff/due-soon', label: 'Due soon' },
    { href: '/staff/saved-jobs', label: 'Saved jobs' },
    { href: '/staff/schedule', label: 'Schedule' },
  ];
  if (role === 'admin') {
    links.push(
      { href: '/admin/settings', label: 'Settings' },
      { href: '/admin/inspection-templates', label: 'Inspections' },
      { href: '/admin/cache', label: 'Cache' },
    );
  }
  return links;
}

/** The area a path belongs to, if any ("/staff/vehicles/3" -> "staff"). */
export function areaOf(path: string): Area | undefined {
  const first = path.split(/[/?#]/)[1];
  return first === 'staff' || first === 'admin' || first === 'portal' ? first : undefined;
}

/**
 * Where to go after signing in: `next` when it is a path on this app (see sameOriginPath) that
 * the role may open, else the role's start page.
 */
export function landingFor(role: Role, next: string | undefined): string {
  const path = sameOriginPath(next);
  if (!path) return homeFor(role);
  const area = areaOf(path);
  if (area && !canEnter(role, area)) return homeFor(role);
  return path === '/' ? homeFor(role) : path;
}
