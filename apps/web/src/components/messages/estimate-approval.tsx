'use client';

import type { RouterOutputs } from '@garage/api';
import { formatMoney } from '@garage/validators';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Failed, Loading } from '~/components/query-state';
import { formatQuantity } from '~/lib/format';
import { approvalLabels, kindLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';

type Estimate = RouterOutputs['estimateLink']['open'];

/** One line with what it costs and, while it may be decided, Approve and Decline. */
function LineRow({
  line,
  money,
  decide,
  busy,
}: {
  line: Estimate['lines'][number];
  money: (cents: number | null) => string;
  decide: (approved: boolean) => void;
  busy: boolean;
}) {
  return (
    <li className="card estimate-line" data-approval={line.approval}>
      <p>
        <strong>{line.description}</strong>{' '}
        <span className="muted">
          {kindLabels[line.kind]} · {formatQuantity(line.quantity)} · {money(line.totalCents)}
        </span>
      </p>
      <p>
        {approvalLabels[line.approval]}
        {line.decidable ? (
          <span className="actions">
            {' '}
            <button
              type="button"
              disabled={busy || line.approval === 'approved'}
              onClick={() => decide(true)}
              aria-label={`Approve ${line.description}`}
            >
              Approve
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy || line.approval === 'declined'}
              onClick={() => decide(false)}
              aria-label={`Decline ${line.description}`}
            >
              Decline
            </button>
          </span>
        ) : null}
      </p>
    </li>
  );
}

/**
 * The approval page an estimate link opens: the work order's lines with Approve and Decline,
 * the totals from the server after each decision. The link is the only key: it opens this work
 * order and nothing else, signed in or not.
 */
export function EstimateApproval({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.estimateLink.open.queryOptions({ token }, { retry: false });
  const query = useQuery(options);
  const decide = useMutation(
    trpc.estimateLink.decide.mutationOptions({
      onSuccess: ({ statusMove: _statusMove, ...estimate }) =>
        queryClient.setQueryData(options.queryKey, estimate),
    }),
  );
  if (query.isPending) return <Loading what="your estimate" />;
  if (query.isError) {
    return (
      <>
        <h1>Your estimate</h1>
        <Failed error={query.error} />
        <p>
          Ask the shop to send it again, or <Link href="/sign-in">sign in</Link> to see your work
          orders.
        </p>
      </>
    );
  }
  const estimate = query.data;
  const money = (cents: number | null) =>
    cents === null
      ? '—'
      : formatMoney(cents, {
          currency: estimate.money.currency,
          locale: estimate.money.locale ?? estimate.shop.locale,
        });
  const { vehicle } = estimate;
  return (
    <>
      <h1>
        Estimate {estimate.number}: {vehicle.year} {vehicle.make} {vehicle.model}{' '}
        <span className="plate">{vehicle.plate}</span>
      </h1>
      <p className="muted">
        From {estimate.shop.name}
        {estimate.shop.phone ? `, ${estimate.shop.phone}` : ''}. {estimate.concern}
      </p>
      <ul className="estimate-lines">
        {estimate.lines.map((line) => (
          <LineRow
            key={line.id}
            line={line}
            money={money}
            busy={decide.isPending}
            decide={(approved) =>
              decide.mutate({ token, decisions: [{ lineId: line.id, approved }] })
            }
          />
        ))}
      </ul>
      <p role="alert" className="form-error">
        {decide.error?.message}
      </p>
      <p className="total" role="status">
        Total: {money(estimate.totals.totalCents)}
        {estimate.awaitingApproval ? '' : ' · every line is decided, thank you'}
      </p>
      <p className="muted">
        <Link href={`/sign-in?next=/portal/work-orders/${estimate.id}`}>Sign in</Link> to see all
        your vehicles and work orders (not needed to decide here).
      </p>
    </>
  );
}
