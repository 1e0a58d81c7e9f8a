// The cache tags the API attaches to responses and invalidates on writes. The admin panel's
// "clear one owner" is an invalidation of `owner:<customer id>`.

export const ownerTag = (customerId: number) => `owner:${customerId}`;
export const vehicleTag = (vehicleId: number) => `vehicle:${vehicleId}`;

/** Each distinct owner tag of `rows` (rows holding an `ownerId`, or customers by `id`). */
export function ownerTagsOf(ownerIds: Iterable<number>): string[] {
  return [...new Set(ownerIds)].map(ownerTag);
}

// Time to live per route: lists go stale fastest (new rows appear), single records later;
// writes invalidate them at once anyway, so the TTL only bounds what a missed bus message
// or a change made outside the API could leave behind.
export const ttl = {
  list: 30_000,
  record: 60_000,
  portal: 60_000,
} as const;
