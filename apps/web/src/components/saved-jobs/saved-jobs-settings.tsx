'use client';

import type { RouterOutputs } from '@garage/api';
import { describeFitment } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { Empty, Failed, Loading } from '~/components/query-state';
import { formatQuantity, sentence } from '~/lib/format';
import { useShopFormat } from '~/lib/use-shop-format';
import { kindLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { SavedJobForm } from './saved-job-form';

type SavedJob = RouterOutputs['savedJob']['list'][number];

/** The shop's saved jobs (canned services): each with its lines and prices, to edit or remove. */
export function SavedJobsSettings() {
  const trpc = useTRPC();
  const format = useShopFormat();
  const jobs = useQuery(trpc.savedJob.list.queryOptions());
  const [editingId, setEditingId] = useState<number | null>(null);
  const [removing, setRemoving] = useState<SavedJob | null>(null);
  const remove = useMutation(
    trpc.savedJob.delete.mutationOptions({ onSuccess: () => setRemoving(null) }),
  );
  if (jobs.isPending) return <Loading what="saved jobs" />;
  if (jobs.isError) return <Failed error={jobs.error} retry={() => jobs.refetch()} />;
  // The form edits the job as the page has it now: someone else's save reaches it live.
  const editing = jobs.data.find((job) => job.id === editingId);
  return (
    <>
      {jobs.data.length === 0 ? (
        <Empty>No saved jobs yet: create the first below.</Empty>
      ) : (
        <ul className="saved-jobs">
          {jobs.data.map((job) => (
            <li key={job.id} className="card">
              <h2>{job.name}</h2>
              <p className="muted">Fits {describeFitment(job)}</p>
              <table>
                <tbody>
                  {job.lines.map((line, index) => (
                    <tr key={index}>
                      <td>{kindLabels[line.kind]}</td>
                      <td>{line.description}</td>
                      <td className="number">{formatQuantity(line.quantity)}</td>
                      <td className="number">{format.money(line.unitPriceCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => setEditingId(job.id)}>
                  Edit
                </button>
                <button type="button" className="secondary" onClick={() => setRemoving(job)}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <SavedJobForm key={editing.id} job={editing} onDone={() => setEditingId(null)} />
      ) : (
        <SavedJobForm onDone={() => undefined} />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'this job'}?`}
        confirmLabel="Remove"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id, version: removing.version })}
        onCancel={() => setRemoving(null)}
      >
        <p>Work orders it was inserted into keep their lines.</p>
        {remove.error ? <p className="form-error">{sentence(remove.error.message)}.</p> : null}
      </ConfirmDialog>
    </>
  );
}
