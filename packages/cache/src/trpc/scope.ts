/** Who is calling: `null` when unauthenticated. */
export type Principal = { id: string; role: string } | null;

/** Who may share one cached response. `principal` (the default) never shares across callers. */
export type CacheScope = 'public' | 'role' | 'principal';

/** The key part that decides who shares: unauthenticated callers share with no one under role/principal. */
export function scopeOf(scope: CacheScope, principal: Principal): string | undefined {
  if (scope === 'public') return 'public';
  if (!principal) return undefined;
  // A principal's entry carries its role too: one made before a role change never answers after it.
  return scope === 'role'
    ? `role:${principal.role}`
    : `principal:${principal.id}:${principal.role}`;
}
