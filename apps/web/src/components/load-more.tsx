'use client';

/** "Load more" under a cursor-paginated list; nothing when the last page is shown. */
export function LoadMore({
  query,
  label = 'Load more',
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => query.fetchNextPage()}
      disabled={query.isFetchingNextPage}
    >
      {query.isFetchingNextPage ? 'Loading more…' : label}
    </button>
  );
}
