import type { RouterOutputs } from '@garage/api';
import { formatBytes, formatTtl } from '~/lib/format';

/** One row of cache.entries. */
export type EntryRow = RouterOutputs['cache']['entries']['items'][number];

/** Cache entries: key, route, tags, TTL left and size. */
export function EntryTable({ entries }: { entries: readonly EntryRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Route</th>
            <th scope="col">Tags</th>
            <th scope="col" className="num">
              TTL left
            </th>
            <th scope="col" className="num">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.key}>
              <td className="break">
                <code>{entry.key}</code>
              </td>
              <td>{entry.route}</td>
              <td className="break">{entry.tags.join(', ') || '–'}</td>
              <td className="num">{formatTtl(entry.ttlMs)}</td>
              <td className="num">{formatBytes(entry.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
