'use client';

import { useQuery } from '@tanstack/react-query';
import { Empty, Failed, Loading } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { useTRPC } from '~/trpc/react';

/** Past clears, newest first: when, who, what, how many entries. */
export function AuditList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.cache.audit.queryOptions({ limit: 20 }));
  return (
    <section aria-labelledby="audit-title" className="card">
      <h2 id="audit-title">Audit</h2>
      {query.isPending ? (
        <Loading what="audit" />
      ) : query.isError ? (
        <Failed error={query.error} retry={() => query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty>Nobody has cleared the cache yet.</Empty>
      ) : (
        <ol className="audit">
          {query.data.map((line) => (
            <li key={line.id}>
              <Timestamp at={line.at} /> — {line.actor} cleared {line.target}:{' '}
              {line.queued || line.removed === null
                ? 'queued while Redis was unreachable (replayed when it answered again)'
                : `${line.removed} entr${line.removed === 1 ? 'y' : 'ies'}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
