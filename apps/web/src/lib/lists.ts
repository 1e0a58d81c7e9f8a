/** Rows per page of the staff lists; the server prefetch and the client must agree. */
export const customerPageSize = 20;
export const vehiclePageSize = 20;
export const workOrderPageSize = 20;
export const dueSoonPageSize = 20;

/** The next page's cursor as React Query wants it (undefined: no more pages). */
export function nextCursor<Cursor extends number | string>(page: {
  nextCursor: Cursor | null;
}): Cursor | undefined {
  return page.nextCursor ?? undefined;
}
