/** What the entry browser and the clear buttons target: a route, an owner, or everything. */
export type CacheTarget =
  | { kind: 'route'; route: string }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'all' };

/** The tag the API puts on every response about one customer (DESIGN.md: `owner:<id>`). */
export function ownerTag(ownerId: string | number): string {
  return `owner:${ownerId}`;
}

/** The cache.count / cache.invalidate input for a target. */
export function targetInput(
  target: CacheTarget,
): { route: string } | { tag: string } | { all: true } {
  if (target.kind === 'route') return { route: target.route };
  if (target.kind === 'owner') return { tag: ownerTag(target.ownerId) };
  return { all: true };
}

/** Human words for a target, for the confirmation dialog; an owner by name when known. */
export function describeTarget(target: CacheTarget, ownerName?: string): string {
  if (target.kind === 'route') return `route ${target.route}`;
  if (target.kind === 'owner') {
    return ownerName
      ? `${ownerName}’s entries (owner ${target.ownerId})`
      : `owner ${target.ownerId}`;
  }
  return 'everything in our namespace';
}

/**
 * The owner tag for what an admin typed in the entry browser: a customer id ("42") or the
 * tag itself ("owner:42"). Undefined when empty; null when it is neither.
 */
export function ownerTagFrom(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^(?:owner:)?([1-9][0-9]{0,9})$/i.exec(trimmed);
  return match ? ownerTag(match[1] ?? '') : null;
}

/** The cached routes as a select's options, each by its name. */
export function routeOptions(routes: readonly string[]): { value: string; label: string }[] {
  return routes.map((route) => ({ value: route, label: route }));
}
