// Time to live per route: lists go stale fastest (new rows appear), single records later;
// writes invalidate them at once anyway, so the TTL only bounds what a missed bus message
// or a change made outside the API could leave behind.
export const ttl = {
  list: 30_000,
  record: 60_000,
  portal: 60_000,
  /** Settings, technicians and decoded VINs change rarely (or never: the VIN data ships with us). */
  reference: 300_000,
} as const;
