'use client';

import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { FormError } from '~/components/form-error';
import { CardInspectionProgress } from '~/components/inspections/card-inspection-progress';
import { TimestampOr } from '~/components/timestamp';
import { sentence } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { moveLabels, statusLabels, type WorkOrderStatus } from '~/lib/work-order-words';
import { AwaitingApproval } from './status-badge';
import { TechnicianName } from './technician-name';

export type BoardCardData = RouterOutputs['workOrder']['board']['columns'][number]['cards'][number];

/**
 * One work order on the board, with a button for each move the API allows from where it is
 * (cancelling is left to the work order's page, behind a confirmation). The card can also be
 * dragged onto a column that accepts it; the buttons stay for keyboards and screen readers.
 */
export function BoardCard({
  card,
  moving,
  error,
  onMove,
  onDragStart,
  onDragEnd,
  focused,
}: {
  card: BoardCardData;
  /** The status this card is being moved to, while the request runs. */
  moving: WorkOrderStatus | null;
  error: string | null;
  onMove: (status: WorkOrderStatus) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  /** Whether the card just moved here: its link takes the focus. */
  focused: boolean;
}) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focused) link.current?.focus();
  }, [focused]);
  const moves = card.nextStatuses.filter((status) => status !== 'cancelled');
  const { vehicle } = card;
  return (
    <li
      className="card board-card"
      draggable={moves.length > 0}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', String(card.id));
        event.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      aria-labelledby={`card-${card.id}`}
    >
      <h3 id={`card-${card.id}`}>
        <Link ref={link} href={`/staff/work-orders/${card.id}`}>
          {card.number}
        </Link>
      </h3>
      <dl className="facts">
        <div>
          <dt>Vehicle</dt>
          <dd>
            {vehicle.year} {vehicle.make} {vehicle.model}{' '}
            <span className="plate">{vehicle.plate}</span>
          </dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd>{card.customer.name}</dd>
        </div>
        <div>
          <dt>Technician</dt>
          <dd>
            <TechnicianName technician={card.technician} />
          </dd>
        </div>
        <div>
          <dt>Promised</dt>
          <dd>
            <TimestampOr at={card.promisedAt} none="–" />
          </dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>
            <strong>{moneyIn(card.money)(card.totalCents)}</strong>
          </dd>
        </div>
      </dl>
      <AwaitingApproval awaiting={card.awaitingApproval} />
      <CardInspectionProgress workOrderId={card.id} />
      {moves.length > 0 ? (
        <div className="actions">
          {moves.map((status) => (
            <button
              key={status}
              type="button"
              className="secondary"
              disabled={moving !== null}
              aria-label={`${moveLabels[status]}: move ${card.number} to ${statusLabels[status]}`}
              onClick={() => onMove(status)}
            >
              {moving === status ? 'Moving…' : moveLabels[status]}
            </button>
          ))}
        </div>
      ) : null}
      <FormError>{error ? `Not moved. ${sentence(error)}.` : null}</FormError>
    </li>
  );
}
