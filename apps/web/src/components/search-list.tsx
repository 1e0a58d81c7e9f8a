'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { LoadMore } from '~/components/load-more';
import { Empty, Failed, Loading } from '~/components/query-state';
import { TextField } from '~/components/text-field';

/** The parts of an infinite list query the shell reads. */
interface ListQuery<T> {
  data: { pages: { items: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  error: { message: string } | null;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/**
 * The staff lists' shell: a search box with a "New …" link and any further filters, a live
 * count, loading / error / empty states, the table, and "Load more". The caller owns the query
 * and the table.
 */
export function SearchList<T>({
  noun,
  hint,
  newHref,
  filters,
  filtered = false,
  search,
  onSearch,
  searched,
  query,
  children,
}: {
  /** Singular and plural, e.g. ['customer', 'customers']. */
  noun: [string, string];
  hint: string;
  /** Where "New …" leads; no link when records are created elsewhere. */
  newHref?: string;
  /** Controls beside the search box (status, technician, ...). */
  filters?: ReactNode;
  /** Whether those filters narrow the list now (for the empty state's words). */
  filtered?: boolean;
  search: string;
  onSearch: (value: string) => void;
  /** The (debounced) search the results are for. */
  searched: string;
  query: ListQuery<T>;
  children: (items: T[]) => ReactNode;
}) {
  const [one, many] = noun;
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <div className="toolbar">
        <TextField
          label={`Search ${many}`}
          name="search"
          type="search"
          value={search}
          onChange={onSearch}
          hint={hint}
        />
        {filters}
        {newHref ? (
          <Link href={newHref} className="button-link">
            New {one}
          </Link>
        ) : null}
      </div>
      <p className="muted" role="status">
        {query.isFetching && !query.isFetchingNextPage
          ? 'Searching…'
          : query.isSuccess
            ? `${items.length}${query.hasNextPage ? '+' : ''} ${items.length === 1 ? one : many} shown`
            : null}
      </p>
      {query.isPending ? (
        <Loading what={many} />
      ) : query.isError ? (
        <Failed error={query.error} retry={() => query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>
          {searched
            ? `No ${one} matches “${searched}”${filtered ? ' with these filters' : ''}.`
            : filtered
              ? `No ${one} matches these filters.`
              : `No ${many} yet.`}
        </Empty>
      ) : (
        children(items)
      )}
      <LoadMore query={query} />
    </>
  );
}
