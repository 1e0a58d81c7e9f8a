import type { RouterOutputs } from '@garage/api';
import { type Column, DataTable } from '~/components/data-table';
import { formatBytes, formatTtl } from '~/lib/format';

/** One row of cache.entries. */
export type EntryRow = RouterOutputs['cache']['entries']['items'][number];

const columns: Column<EntryRow>[] = [
  { header: 'Key', cell: (entry) => <code>{entry.key}</code>, className: 'break' },
  { header: 'Route', cell: (entry) => entry.route },
  { header: 'Tags', cell: (entry) => entry.tags.join(', ') || '–', className: 'break' },
  { header: 'TTL left', cell: (entry) => formatTtl(entry.ttlMs), numeric: true },
  { header: 'Size', cell: (entry) => formatBytes(entry.bytes), numeric: true },
];

/** Cache entries: key, route, tags, TTL left and size. */
export function EntryTable({ entries }: { entries: readonly EntryRow[] }) {
  return <DataTable columns={columns} rows={entries} rowKey={(entry) => entry.key} />;
}
