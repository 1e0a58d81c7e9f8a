'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Empty, Failed, Loading } from '~/components/query-state';
import { statusLabels, type WorkOrderStatus } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { BoardCard, type BoardCardData } from './board-card';
import { useSetStatus } from './use-set-status';

/** The shop's open work orders, one column per status, moved by buttons or by dragging. */
export function Board() {
  const trpc = useTRPC();
  const board = useQuery(trpc.workOrder.board.queryOptions());
  const setStatus = useSetStatus();
  const [dragged, setDragged] = useState<BoardCardData | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  // The card moved last takes the focus in its new column, so a keyboard user carries on there.
  const [moved, setMoved] = useState<{ id: number; message: string } | null>(null);

  const move = (card: BoardCardData, status: WorkOrderStatus) => {
    setErrors(({ [card.id]: _cleared, ...rest }) => rest);
    setStatus.mutate(
      { id: card.id, status },
      {
        onSuccess: () =>
          setMoved({ id: card.id, message: `${card.number} moved to ${statusLabels[status]}.` }),
        onError: (error) => setErrors((current) => ({ ...current, [card.id]: error.message })),
      },
    );
  };
  const movingTo = (card: BoardCardData) =>
    setStatus.isPending && setStatus.variables?.id === card.id ? setStatus.variables.status : null;

  if (board.isPending) return <Loading what="the board" />;
  if (board.isError) return <Failed error={board.error} retry={() => board.refetch()} />;
  const { columns } = board.data;
  if (columns.every((column) => column.cards.length === 0)) {
    return <Empty>No work orders are open. Open one from a vehicle's page.</Empty>;
  }
  return (
    <>
      <p role="status" className="muted">
        {moved?.message}
      </p>
      <div className="board">
        {columns.map((column) => {
          const accepts = dragged?.nextStatuses.includes(column.status) ?? false;
          return (
            <section
              key={column.status}
              className={`board-column${accepts ? ' accepts' : ''}`}
              aria-labelledby={`column-${column.status}`}
              onDragOver={(event) => {
                if (accepts) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged && accepts) move(dragged, column.status);
                setDragged(null);
              }}
            >
              <h2 id={`column-${column.status}`}>
                {statusLabels[column.status]} <span className="muted">({column.cards.length})</span>
              </h2>
              {column.cards.length === 0 ? (
                <p className="muted">None</p>
              ) : (
                <ul className="cards">
                  {column.cards.map((card) => (
                    <BoardCard
                      key={card.id}
                      card={card}
                      moving={movingTo(card)}
                      error={errors[card.id] ?? null}
                      onMove={(status) => move(card, status)}
                      onDragStart={() => setDragged(card)}
                      onDragEnd={() => setDragged(null)}
                      focused={moved?.id === card.id}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
