'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, DataTable } from '~/components/data-table';
import { FormError } from '~/components/form-error';
import { LineFinding } from '~/components/inspections/line-finding';
import { Timestamp } from '~/components/timestamp';
import { Amounts, totalsOf } from '~/components/work-orders/amounts';
import { lineRows } from '~/components/work-orders/line-rows';
import { LineWork } from '~/components/work-orders/line-work';
import { useWorkOrderWritten } from '~/components/work-orders/use-work-order-written';
import { formatQuantity, notDone } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { approvalLabels, channelLabels, isStaffChannel } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Line = WorkOrder['lines'][number];

/** How a decided line was decided: "in the portal, 2025-03-01 14:05" or "by phone, Sam Staff…". */
function DecidedHow({ line }: { line: Line }) {
  if (line.approval === 'pending') return null;
  const byStaff = line.decisionChannel !== null && isStaffChannel(line.decisionChannel);
  return (
    <small className="muted">
      {' '}
      {line.decisionChannel ? channelLabels[line.decisionChannel] : null}
      {byStaff && line.decidedBy ? ` (${line.decidedBy.name})` : null}
      {line.decidedAt ? (
        <>
          , <Timestamp at={line.decidedAt} />
        </>
      ) : null}
    </small>
  );
}

/** The two answers to a line: what each button says, and the state it is not offered in. */
const answers = [
  { approved: true, label: 'Approve', className: undefined, unless: 'approved' },
  { approved: false, label: 'Decline', className: 'secondary', unless: 'declined' },
] as const;

/** The customer's decision on a line, how it was made, and the answers still open to them. */
function YourDecision({
  line,
  busy,
  onChoose,
}: {
  line: Line;
  busy: boolean;
  onChoose: (approved: boolean) => void;
}) {
  return (
    <>
      <span
        className={`badge ${line.approval === 'pending' ? 'awaiting' : `decision-${line.approval}`}`}
      >
        {approvalLabels[line.approval]}
      </span>
      <DecidedHow line={line} />
      {line.decidable ? (
        <div className="actions decide">
          {answers.map((answer) =>
            line.approval === answer.unless ? null : (
              <button
                key={answer.label}
                type="button"
                className={answer.className}
                aria-label={`${answer.label} ${line.description}`}
                disabled={busy}
                onClick={() => onChoose(answer.approved)}
              >
                {answer.label}
              </button>
            ),
          )}
        </div>
      ) : null}
    </>
  );
}

/**
 * The estimate line by line as the customer sees it, with Approve and Decline on each line the
 * customer may still decide (`decidable`): every line until work starts, then only lines added
 * since and still pending (what was approved is being done, so a decision is final then). Each
 * choice is sent at once (workOrder.decideLines); the answer is the work order with the server's
 * new totals, which the page shows straight away, and the move to approved once every line is
 * decided.
 */
export function EstimateLines({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const money = moneyIn(workOrder.money);
  const [saved, setSaved] = useState<string | null>(null);
  const decide = useMutation(
    trpc.workOrder.decideLines.mutationOptions({
      onSuccess: (result, input) => {
        written(result);
        const line = result.lines.find((each) => each.id === input.decisions[0]?.lineId);
        const what = line ? `${approvalLabels[line.approval]}: ${line.description}.` : 'Saved.';
        const moved = result.statusMove?.to === 'approved' ? ' Your estimate is approved.' : '';
        setSaved(`${what}${moved} New total: ${money(result.totals.totalCents)}.`);
      },
    }),
  );
  const { lines, totals } = workOrder;
  const hasInvoice = workOrder.invoiceNumber !== null;
  const columns: Column<Line>[] = [
    {
      header: 'Work',
      cell: (line) => (
        <>
          <LineWork line={line} />
          <LineFinding workOrderId={workOrder.id} lineId={line.id} />
        </>
      ),
      title: true,
    },
    { header: 'Qty', cell: (line) => formatQuantity(line.quantity), numeric: true },
    { header: 'Price', cell: (line) => money(line.totalCents), numeric: true },
    {
      header: 'Your decision',
      cell: (line) => (
        <YourDecision
          line={line}
          busy={decide.isPending}
          onChoose={(approved) => {
            setSaved(null);
            decide.mutate({
              workOrderId: workOrder.id,
              decisions: [{ lineId: line.id, approved }],
            });
          }}
        />
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="estimate-title">
      <h2 id="estimate-title">{hasInvoice ? 'Invoiced work' : 'Estimate'}</h2>
      {workOrder.editable && workOrder.awaitingApproval ? (
        <p>Approve or decline each line. Declined work is not done and not charged.</p>
      ) : null}
      <DataTable
        columns={columns}
        rows={lines}
        {...lineRows}
        className="lines customer-lines"
        stack
        caption="Prices include tax. Declined lines do not count in the total."
      />
      <Amounts
        label="Totals"
        money={money}
        amounts={[
          ...totalsOf(totals),
          hasInvoice && { term: 'Paid', cents: workOrder.paidCents },
          hasInvoice && { term: 'Balance due', cents: workOrder.balanceCents },
        ]}
      />
      <FormError>{notDone('Not saved', decide.error)}</FormError>
      <p role="status">{saved}</p>
    </section>
  );
}
