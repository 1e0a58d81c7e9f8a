'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Timestamp } from '~/components/timestamp';
import { formatQuantity, sentence } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import {
  approvalLabels,
  channelLabels,
  inShop,
  isStaffChannel,
  kindLabels,
} from '~/lib/work-order-words';
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

/**
 * The estimate line by line as the customer sees it, with Approve and Decline on each line the
 * customer may still decide (`decidable`): every line until work starts, then only lines added
 * since and still pending (what was approved is being done, so a decision is final then). Each choice is sent at once
 * (workOrder.decideLines); the answer is the work order with the server's new totals, which
 * the page shows straight away, and the move to approved once every line is decided.
 */
export function EstimateLines({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = moneyIn(workOrder.money);
  const [saved, setSaved] = useState<string | null>(null);
  const decide = useMutation(
    trpc.workOrder.decideLines.mutationOptions({
      onSuccess: (result, input) => {
        queryClient.setQueryData(trpc.workOrder.byId.queryKey({ id: result.id }), result);
        const line = result.lines.find((each) => each.id === input.decisions[0]?.lineId);
        const what = line ? `${approvalLabels[line.approval]}: ${line.description}.` : 'Saved.';
        const moved = result.statusMove?.to === 'approved' ? ' Your estimate is approved.' : '';
        setSaved(`${what}${moved} New total: ${money(result.totals.totalCents)}.`);
      },
    }),
  );
  const deciding = inShop[workOrder.status];
  const { lines, totals } = workOrder;
  const choose = (line: Line, approved: boolean) => {
    setSaved(null);
    decide.mutate({ workOrderId: workOrder.id, decisions: [{ lineId: line.id, approved }] });
  };
  return (
    <section className="card" aria-labelledby="estimate-title">
      <h2 id="estimate-title">{workOrder.invoiceNumber === null ? 'Estimate' : 'Invoiced work'}</h2>
      {deciding && workOrder.awaitingApproval ? (
        <p>Approve or decline each line. Declined work is not done and not charged.</p>
      ) : null}
      <div className="table-wrap">
        <table className="lines customer-lines stack">
          <caption className="muted">
            Prices include tax. Declined lines do not count in the total.
          </caption>
          <thead>
            <tr>
              <th scope="col">Work</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">Your decision</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr
                key={line.id}
                aria-label={line.description}
                className={line.approval === 'declined' ? 'declined' : undefined}
              >
                <td>
                  {line.description} <span className="muted">({kindLabels[line.kind]})</span>
                </td>
                <td className="num" data-label="Qty">
                  {formatQuantity(line.quantity)}
                </td>
                <td className="num" data-label="Price">
                  {money(line.totalCents)}
                </td>
                <td data-label="Your decision">
                  <span
                    className={`badge ${line.approval === 'pending' ? 'awaiting' : `decision-${line.approval}`}`}
                  >
                    {approvalLabels[line.approval]}
                  </span>
                  <DecidedHow line={line} />
                  {line.decidable ? (
                    <div className="actions decide">
                      {line.approval !== 'approved' ? (
                        <button
                          type="button"
                          aria-label={`Approve ${line.description}`}
                          disabled={decide.isPending}
                          onClick={() => choose(line, true)}
                        >
                          Approve
                        </button>
                      ) : null}
                      {line.approval !== 'declined' ? (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Decline ${line.description}`}
                          disabled={decide.isPending}
                          onClick={() => choose(line, false)}
                        >
                          Decline
                        </button>
                      ) : null}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="details totals" aria-label="Totals">
        <dt>Subtotal</dt>
        <dd className="num">{money(totals.subtotalCents)}</dd>
        <dt>Tax</dt>
        <dd className="num">{money(totals.taxCents)}</dd>
        <dt>Total</dt>
        <dd className="num">
          <strong>{money(totals.totalCents)}</strong>
        </dd>
        {workOrder.invoiceNumber !== null ? (
          <>
            <dt>Paid</dt>
            <dd className="num">{money(workOrder.paidCents)}</dd>
            <dt>Balance due</dt>
            <dd className="num">{money(workOrder.balanceCents)}</dd>
          </>
        ) : null}
      </dl>
      <p role="alert" className="form-error">
        {decide.error ? `Not saved. ${sentence(decide.error.message)}.` : null}
      </p>
      <p role="status">{saved}</p>
    </section>
  );
}
