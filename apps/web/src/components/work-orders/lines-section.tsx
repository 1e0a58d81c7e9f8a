'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { Empty } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { formatQuantity, formatTaxRate, sentence } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { approvalLabels, channelLabels, kindLabels, statusLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { blankLine, lineDraftOf } from './line-draft';
import { LineForm } from './line-form';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Line = WorkOrder['lines'][number];
type Settings = RouterOutputs['settings']['get'];

/** Who decided a line, how and when: "Approved by phone, Sam Staff, 2025-03-01 14:05". */
function Decision({ line }: { line: Line }) {
  if (line.approval === 'pending') {
    return <span className="badge awaiting">{approvalLabels.pending}</span>;
  }
  return (
    <>
      <span className={`badge decision-${line.approval}`}>{approvalLabels[line.approval]}</span>{' '}
      <small className="muted">
        {line.decisionChannel ? channelLabels[line.decisionChannel] : null}
        {line.decidedBy ? `, ${line.decidedBy.name}` : null}
        {line.decidedAt ? (
          <>
            , <Timestamp at={line.decidedAt} />
          </>
        ) : null}
      </small>
    </>
  );
}

/**
 * The work order's lines with the server's net, tax and total of each and of the whole, and
 * (while the work order is in the shop) the editor: add, edit, remove.
 */
export function LinesSection({
  workOrder,
  settings,
}: {
  workOrder: WorkOrder;
  settings: Settings;
}) {
  const trpc = useTRPC();
  const money = moneyIn(workOrder.money);
  const written = useWorkOrderWritten();
  const [editing, setEditing] = useState<Line | null>(null);
  const [removing, setRemoving] = useState<Line | null>(null);
  const remove = useMutation(
    trpc.workOrder.removeLine.mutationOptions({
      onSuccess: (result) => {
        written(result);
        if (editing?.id === removing?.id) setEditing(null);
        setRemoving(null);
      },
    }),
  );
  const { lines, totals, editable } = workOrder;
  return (
    <section className="card" aria-labelledby="lines-title">
      <h2 id="lines-title">Lines</h2>
      {lines.length === 0 ? (
        <Empty>No lines yet: add the labour, parts and fees of the job below.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="lines">
            <caption className="muted">
              Amounts are computed by the server; declined lines do not count.
            </caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Unit price
                </th>
                <th scope="col" className="num">
                  Tax rate
                </th>
                <th scope="col" className="num">
                  Net
                </th>
                <th scope="col" className="num">
                  Tax
                </th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Decision</th>
                {editable ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr
                  key={line.id}
                  className={line.approval === 'declined' ? 'declined' : undefined}
                  aria-label={line.description}
                >
                  <td>{kindLabels[line.kind]}</td>
                  <td>
                    {line.description}
                    {line.partNumber ? (
                      <>
                        <br />
                        <small className="muted">Part no. {line.partNumber}</small>
                      </>
                    ) : null}
                  </td>
                  <td className="num">{formatQuantity(line.quantity)}</td>
                  <td className="num">{money(line.unitPriceCents)}</td>
                  <td className="num">{formatTaxRate(line.taxRateBps)}</td>
                  <td className="num">{money(line.netCents)}</td>
                  <td className="num">{money(line.taxCents)}</td>
                  <td className="num">{money(line.totalCents)}</td>
                  <td>
                    <Decision line={line} />
                  </td>
                  {editable ? (
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Edit ${line.description}`}
                          onClick={() => setEditing(line)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Remove ${line.description}`}
                          onClick={() => setRemoving(line)}
                        >
                          Remove
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="details totals" aria-label="Totals">
        <dt>Subtotal</dt>
        <dd className="num">{money(totals.subtotalCents)}</dd>
        <dt>Tax</dt>
        <dd className="num">{money(totals.taxCents)}</dd>
        <dt>Total</dt>
        <dd className="num">
          <strong>{money(totals.totalCents)}</strong>
        </dd>
        {workOrder.paidCents > 0 ? (
          <>
            <dt>Paid</dt>
            <dd className="num">{money(workOrder.paidCents)}</dd>
            <dt>Balance</dt>
            <dd className="num">{money(workOrder.balanceCents)}</dd>
          </>
        ) : null}
      </dl>
      <p role="alert" className="form-error">
        {remove.error ? `Not removed. ${sentence(remove.error.message)}.` : null}
      </p>
      {editable ? (
        editing ? (
          <LineForm
            key={`edit-${editing.id}`}
            workOrderId={workOrder.id}
            lineId={editing.id}
            version={editing.version}
            initial={lineDraftOf(editing, settings)}
            settings={settings}
            onDone={() => setEditing(null)}
          />
        ) : (
          <LineForm
            key="add"
            workOrderId={workOrder.id}
            initial={blankLine('labor', settings)}
            settings={settings}
          />
        )
      ) : (
        <p className="muted">
          This work order is {statusLabels[workOrder.status].toLowerCase()}: its lines can no longer
          change.
        </p>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove “${removing?.description ?? ''}”?`}
        confirmLabel="Remove line"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id, version: removing.version })}
        onCancel={() => setRemoving(null)}
      >
        <p>The totals are recomputed without it.</p>
      </ConfirmDialog>
    </section>
  );
}
