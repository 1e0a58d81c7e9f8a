/** One page of a list and where the next one starts (null on the last page). */
export type Page<T> = { items: T[]; nextCursor: number | null };

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const next = rows.length > limit ? items.at(-1) : undefined;
  return { items, nextCursor: next ? next.id : null };
}
