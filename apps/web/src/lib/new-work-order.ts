/**
 * The page that opens a work order for a vehicle (and so for its owner now), with the concern
 * filled in when the work is known already, e.g. a service reminder's "Oil and filter change".
 */
export function newWorkOrderPath(vehicleId: number, concern?: string): string {
  const query = new URLSearchParams({ vehicleId: String(vehicleId) });
  if (concern) query.set('concern', concern);
  return `/staff/work-orders/new?${query}`;
}

/** The concern a `?concern=` query names: one value, trimmed, as long as a concern may be. */
export function concernFromQuery(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value.trim().slice(0, 2_000) : '';
}
