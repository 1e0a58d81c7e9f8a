'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type ReactNode, useState } from 'react';
import { Failed, Loading } from '~/components/query-state';
import { SelectField } from '~/components/select-field';
import { useWorkOrderWritten } from '~/components/work-orders/use-work-order-written';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { approvalLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { InspectionProgressText } from './inspection-progress';
import { findingsOf, gradeLabels, measurementText, photoUrl } from './inspection-words';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/** Starts the work order's inspection from a template (the default one first). */
function StartInspection({ workOrderId }: { workOrderId: number }) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.inspection.templates.queryOptions());
  const [templateId, setTemplateId] = useState('');
  const start = useMutation(trpc.inspection.start.mutationOptions());
  const options = (templates.data ?? []).map((template) => ({
    value: String(template.id),
    label: template.name,
  }));
  const chosen = templateId || options[0]?.value || '';
  return (
    <form
      className="form-row"
      aria-label="Start the inspection"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate({ workOrderId, ...(chosen ? { templateId: Number(chosen) } : {}) });
      }}
    >
      <SelectField
        label="Template"
        name="templateId"
        value={chosen}
        options={options}
        onChange={setTemplateId}
      />
      <button type="submit" disabled={start.isPending || !chosen}>
        {start.isPending ? 'Starting…' : 'Start inspection'}
      </button>
      <p role="alert" className="form-error">
        {formErrorFrom(start.error, fieldErrorsFrom(start.error))}
      </p>
    </form>
  );
}

/**
 * The work order's inspection: its progress (live as the technician grades), a link to the
 * phone view, and each finding with its photos, ready to become lines for the customer to decide.
 */
export function InspectionSection({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const query = useQuery(trpc.inspection.byWorkOrder.queryOptions({ workOrderId: workOrder.id }));
  const recommend = useMutation(trpc.inspection.recommend.mutationOptions({ onSuccess: written }));
  const { editable } = workOrder;
  const approvals = new Map(workOrder.lines.map((line) => [line.id, line.approval]));
  let body: ReactNode;
  if (query.isPending) body = <Loading what="inspection" />;
  else if (query.isError) body = <Failed error={query.error} retry={() => query.refetch()} />;
  else if (!query.data.inspection) {
    body = editable ? (
      <StartInspection workOrderId={workOrder.id} />
    ) : (
      <p className="muted">Not inspected.</p>
    );
  } else {
    const { inspection } = query.data;
    const findings = findingsOf(inspection);
    body = (
      <>
        <p>
          <InspectionProgressText progress={inspection.progress} /> ·{' '}
          <Link href={`/staff/work-orders/${workOrder.id}/inspect`}>Open the phone view</Link>
        </p>
        {findings.length ? (
          <ul className="findings">
            {findings.map((item) => (
              <li key={item.id} className={`finding grade-${item.grade}`}>
                <strong>{item.label}</strong>{' '}
                <span className="badge">{item.grade ? gradeLabels[item.grade] : null}</span>{' '}
                {measurementText(item)}{' '}
                {item.note ? <span className="muted">{item.note}</span> : null}
                <span className="photos">
                  {item.photos.map((photo) => (
                    <img
                      key={photo.id}
                      src={photoUrl(photo.id)}
                      alt={`${item.label} as found, ${photo.id}`}
                      width={64}
                    />
                  ))}
                </span>
                {item.lines.length ? (
                  <span className="muted">
                    {' '}
                    On the work order (
                    {item.lines
                      .map((line) => approvalLabels[approvals.get(line.id) ?? line.approval])
                      .join(', ')}
                    )
                  </span>
                ) : editable ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={recommend.isPending}
                    onClick={() => recommend.mutate({ itemId: item.id })}
                  >
                    Add to estimate: {item.label}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No findings yet.</p>
        )}
        <p role="alert" className="form-error">
          {formErrorFrom(recommend.error, fieldErrorsFrom(recommend.error))}
        </p>
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="inspection-title">
      <h2 id="inspection-title">Inspection</h2>
      {body}
    </section>
  );
}
