'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { FormError } from '~/components/form-error';
import { SelectField } from '~/components/select-field';
import { type OwnerChoice, OwnerPicker } from '~/components/vehicles/owner-picker';
import { notDone } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { type CacheTarget, describeTarget, routeOptions, targetInput } from './entry-filter';

const entries = (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'}`;

/** What a clear did: removed entries, or queued while Redis was unreachable. */
function clearedMessage(result: { removed: number | null; queued: boolean }): string {
  if (!result.queued) return `Cleared ${entries(result.removed ?? 0)}.`;
  return 'Queued: Redis is unreachable. This API instance’s memory is cleared now; Redis and the other instances are cleared when Redis answers again.';
}

/** Clear one owner's entries, one route or everything, each behind a counted confirmation. */
export function ClearControls({ routes }: { routes: readonly string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState<OwnerChoice | null>(null);
  const [route, setRoute] = useState('');
  const [target, setTarget] = useState<CacheTarget | null>(null);
  const selectedRoute = route || routes[0] || '';
  const count = useQuery({
    ...trpc.cache.count.queryOptions(target ? targetInput(target) : { all: true }),
    enabled: target !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const clear = useMutation(
    trpc.cache.invalidate.mutationOptions({
      // Not a cache invalidation: the panel's own reads (stats, entries, counts, the audit list)
      // are not cached, so no tag reaches them, and a clear changes every one.
      onSuccess: () => queryClient.invalidateQueries(trpc.cache.pathFilter()),
      onSettled: () => setTarget(null),
    }),
  );
  const ask = (next: CacheTarget) => {
    clear.reset();
    setTarget(next);
  };
  return (
    <section aria-labelledby="clear-title" className="card">
      <h2 id="clear-title">Clear</h2>
      <div className="clear-row">
        <OwnerPicker legend="Owner" required={false} value={owner} onChange={setOwner} />
        <button
          type="button"
          className="danger"
          disabled={!owner}
          onClick={() => owner && ask({ kind: 'owner', ownerId: String(owner.id) })}
        >
          {owner ? `Clear ${owner.name}’s entries` : 'Clear owner'}
        </button>
      </div>
      <div className="toolbar">
        <SelectField
          label="Route"
          name="clear-route"
          value={selectedRoute}
          options={
            routes.length === 0
              ? [{ value: '', label: 'No route cached yet' }]
              : routeOptions(routes)
          }
          onChange={setRoute}
        />
        <button
          type="button"
          className="danger"
          disabled={!selectedRoute}
          onClick={() => ask({ kind: 'route', route: selectedRoute })}
        >
          Clear route
        </button>
        <button type="button" className="danger" onClick={() => ask({ kind: 'all' })}>
          Clear everything
        </button>
      </div>
      <p role="status">{clear.data ? clearedMessage(clear.data) : null}</p>
      <FormError>{notDone('Not cleared', clear.error)}</FormError>
      <ConfirmDialog
        open={target !== null}
        title={target ? `Clear ${describeTarget(target, owner?.name)}?` : 'Clear'}
        confirmLabel="Clear"
        busy={clear.isPending}
        onConfirm={() => target && clear.mutate(targetInput(target))}
        onCancel={() => setTarget(null)}
      >
        <p aria-live="polite">
          {count.isFetching
            ? 'Counting entries…'
            : count.isError
              ? `Could not count the entries: ${count.error.message}`
              : count.data
                ? count.data.entries === null
                  ? 'Redis is unreachable, so the entries cannot be counted. Clearing drops them from this API instance’s memory now, and from Redis and the other instances once Redis answers again.'
                  : `${entries(count.data.entries)} will be removed.`
                : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
