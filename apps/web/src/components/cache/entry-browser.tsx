'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadMore } from '~/components/load-more';
import { Empty, Failed, Loading } from '~/components/query-state';
import { SelectField } from '~/components/select-field';
import { TextField } from '~/components/text-field';
import { useDebouncedValue } from '~/lib/debounce';
import { useTRPC } from '~/trpc/react';
import { ownerTagFrom, routeOptions } from './entry-filter';
import { EntryTable } from './entry-table';

/** Browse live cache entries (key, route, tags, TTL left, size), by route and/or owner. */
export function EntryBrowser({ routes }: { routes: readonly string[] }) {
  const trpc = useTRPC();
  const [route, setRoute] = useState('');
  const [owner, setOwner] = useState('');
  const tag = ownerTagFrom(useDebouncedValue(owner, 300));
  const query = useInfiniteQuery({
    ...trpc.cache.entries.infiniteQueryOptions(
      { route: route || undefined, tag: tag ?? undefined, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled: tag !== null,
    staleTime: 0,
  });
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="entries-title" className="card">
      <h2 id="entries-title">Entries</h2>
      <div className="toolbar">
        <SelectField
          label="Route"
          name="entry-route"
          value={route}
          options={[{ value: '', label: 'All routes' }, ...routeOptions(routes)]}
          onChange={setRoute}
        />
        <TextField
          label="Owner"
          name="entry-owner"
          value={owner}
          onChange={setOwner}
          inputMode="numeric"
          error={tag === null ? 'must be a customer id (e.g. 3) or a tag like owner:3' : undefined}
          hint="Customer id: entries tagged owner:<id>"
        />
        <button
          type="button"
          className="secondary"
          onClick={() => query.refetch()}
          disabled={query.isFetching}
        >
          {query.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {tag === null ? null : query.isPending ? (
        <Loading what="entries" />
      ) : query.isError ? (
        <Failed error={query.error} retry={() => query.refetch()} />
      ) : entries.length === 0 ? (
        <Empty>No live cache entry matches.</Empty>
      ) : (
        <EntryTable entries={entries} />
      )}
      <LoadMore query={query} label="More entries" />
    </section>
  );
}
