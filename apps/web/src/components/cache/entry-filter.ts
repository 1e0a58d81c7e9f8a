/** What the entry browser and the clear buttons target: a route, an owner, or everything. */
export type CacheTarget =
  | { kind: 'route'; route: string }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'all' };

/** The cache.entries / cache.invalidate input for a target (owners are tags `owner:<id>`). */
export function targetInput(
  target: CacheTarget,
): { route: string } | { tag: string } | { all: true } {
  if (target.kind === 'route') return { route: target.route };
  if (target.kind === 'owner') return { tag: `owner:${target.ownerId}` };
  return { all: true };
}

/** Human words for a target, for dialogs and the audit list. */
export function describeTarget(target: CacheTarget): string {
  if (target.kind === 'route') return `route ${target.route}`;
  if (target.kind === 'owner') return `owner ${target.ownerId}`;
  return 'everything in our namespace';
}
