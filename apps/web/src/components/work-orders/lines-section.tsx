'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { type Column, DataTable } from '~/components/data-table';
import { FormError } from '~/components/form-error';
import { Timestamp } from '~/components/timestamp';
import { formatQuantity, formatTaxRate, notDone } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { approvalLabels, channelLabels, kindLabels, statusLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { Amounts, totalsOf } from './amounts';
import { blankLine, lineDraftOf } from './line-draft';
import { LineForm } from './line-form';
import { lineRows } from './line-rows';
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

/** The lines' columns, amounts written by `money`: what each is, and the server's figures. */
function lineColumns(money: (cents: number | null) => string): Column<Line>[] {
  return [
    { header: 'Kind', cell: (line) => kindLabels[line.kind] },
    {
      header: 'Description',
      cell: (line) => (
        <>
          {line.description}
          {line.partNumber ? (
            <>
              <br />
              <small className="muted">Part no. {line.partNumber}</small>
            </>
          ) : null}
        </>
      ),
    },
    { header: 'Qty', cell: (line) => formatQuantity(line.quantity), numeric: true },
    { header: 'Unit price', cell: (line) => money(line.unitPriceCents), numeric: true },
    { header: 'Tax rate', cell: (line) => formatTaxRate(line.taxRateBps), numeric: true },
    { header: 'Net', cell: (line) => money(line.netCents), numeric: true },
    { header: 'Tax', cell: (line) => money(line.taxCents), numeric: true },
    { header: 'Total', cell: (line) => money(line.totalCents), numeric: true },
    { header: 'Decision', cell: (line) => <Decision line={line} /> },
  ];
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
  const lineActions = [
    { label: 'Edit', act: setEditing },
    { label: 'Remove', act: setRemoving },
  ];
  const actions: Column<Line> = {
    header: 'Actions',
    cell: (line) => (
      <div className="actions">
        {lineActions.map(({ label, act }) => (
          <button
            key={label}
            type="button"
            className="link-button"
            aria-label={`${label} ${line.description}`}
            onClick={() => act(line)}
          >
            {label}
          </button>
        ))}
      </div>
    ),
  };
  return (
    <section className="card" aria-labelledby="lines-title">
      <h2 id="lines-title">Lines</h2>
      <DataTable
        columns={editable ? [...lineColumns(money), actions] : lineColumns(money)}
        rows={lines}
        {...lineRows}
        className="lines"
        caption="Amounts are computed by the server; declined lines do not count."
        empty="No lines yet: add the labour, parts and fees of the job below."
      />
      <Amounts
        label="Totals"
        money={money}
        amounts={[
          ...totalsOf(totals),
          workOrder.paidCents > 0 && { term: 'Paid', cents: workOrder.paidCents },
          workOrder.paidCents > 0 && { term: 'Balance', cents: workOrder.balanceCents },
        ]}
      />
      <FormError>{notDone('Not removed', remove.error)}</FormError>
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
