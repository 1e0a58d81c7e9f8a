/** The schedule, ready to book `vehicleId` for `concern`: a click on a free time books it. */
export function bookingPath(vehicleId: number, concern?: string): string {
  const params = new URLSearchParams({ vehicleId: String(vehicleId) });
  if (concern) params.set('concern', concern);
  return `/staff/schedule?${params.toString()}`;
}
