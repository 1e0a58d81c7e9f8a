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
 * The staff lists' shell: a search box with a "New …" link, a live count, loading / error /
 * empty states, the table, and "Load more". The caller owns the query and the table.
 */
export function SearchList<T>({
  noun,
  hint,
  newHref,
  search,
  onSearch,
  searched,
  query,
  children,
}: {
  /** Singular and plural, e.g. ['customer', 'customers']. */
  noun: [string, string];
  hint: string;
  newHref: string;
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
        <Link href={newHref} className="button-link">
          New {one}
        </Link>
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
        <Empty>{searched ? `No ${one} matches “${searched}”.` : `No ${many} yet.`}</Empty>
      ) : (
        children(items)
      )}
      <LoadMore query={query} />
    </>
  );
}
