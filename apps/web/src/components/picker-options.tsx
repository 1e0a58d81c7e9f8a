'use client';

import type { ReactNode } from 'react';

/** The parts of a search query's result the list reads. */
interface SearchResults<T> {
  isPending: boolean;
  isError: boolean;
  error: { message: string } | null;
  data: { items: T[] } | undefined;
}

/**
 * A picker's answer to what was typed: searching, the error, "no … matches", or the matches as
 * buttons (the chosen one pressed). Owners and vehicles are picked alike.
 */
export function PickerOptions<T extends { id: number }>({
  search,
  results,
  noun,
  label,
  chosenId,
  onChoose,
}: {
  /** What was typed, trimmed and settled; nothing is shown for none. */
  search: string;
  results: SearchResults<T>;
  /** Singular and plural, e.g. ['customer', 'customers']. */
  noun: [string, string];
  label: (item: T) => ReactNode;
  chosenId: number | undefined;
  onChoose: (item: T) => void;
}) {
  if (search.length === 0) return null;
  if (results.isPending) return <p className="muted">Searching…</p>;
  if (results.isError) {
    return <p className="field-error">Could not search: {results.error?.message}</p>;
  }
  const items = results.data?.items ?? [];
  if (items.length === 0)
    return (
      <p className="muted">
        No {noun[0]} matches “{search}”.
      </p>
    );
  return (
    <ul className="picker-options" aria-label={`Matching ${noun[1]}`}>
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" aria-pressed={chosenId === item.id} onClick={() => onChoose(item)}>
            {label(item)}
          </button>
        </li>
      ))}
    </ul>
  );
}
