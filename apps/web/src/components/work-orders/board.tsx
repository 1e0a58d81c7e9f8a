'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Empty, Failed, Loading } from '~/components/query-state';
import { statusLabels, type WorkOrderStatus } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { BoardCard, type BoardCardData } from './board-card';
import { ColumnSwitch } from './board-switch';
import { useSetStatus } from './use-set-status';

/**
 * The shop's open work orders, one column per status, moved by buttons or by dragging. A phone
 * shows one column at a time, picked with the column switch (wider screens hide the switch and
 * show every column; see phone.css).
 */
export function Board() {
  const trpc = useTRPC();
  const board = useQuery(trpc.workOrder.board.queryOptions());
  const setStatus = useSetStatus();
  const [dragged, setDragged] = useState<BoardCardData | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  // The card moved last takes the focus in its new column, so a keyboard user carries on there.
  const [moved, setMoved] = useState<{ id: number; message: string } | null>(null);
  // The column a phone shows; until one is picked, the first with cards.
  const [picked, setPicked] = useState<WorkOrderStatus | null>(null);

  const move = (card: BoardCardData, status: WorkOrderStatus) => {
    setErrors(({ [card.id]: _cleared, ...rest }) => rest);
    setStatus.mutate(
      { id: card.id, status },
      {
        onSuccess: () => {
          setMoved({ id: card.id, message: `${card.number} moved to ${statusLabels[status]}.` });
          // On a phone the card is followed to its new column, where it takes the focus.
          setPicked(status);
        },
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
  // A status with no column (a card moved off the board) falls back like no pick at all.
  const shown = (
    columns.find((column) => column.status === picked) ??
    columns.find((column) => column.cards.length > 0) ??
    columns[0]
  )?.status;
  return (
    <>
      <p role="status" className="muted">
        {moved?.message}
      </p>
      <ColumnSwitch columns={columns} shown={shown} onPick={setPicked} />
      <div className="board">
        {columns.map((column) => {
          const accepts = dragged?.nextStatuses.includes(column.status) ?? false;
          const classes = [
            'board-column',
            accepts ? 'accepts' : '',
            column.status === shown ? 'shown' : '',
          ];
          return (
            <section
              key={column.status}
              id={`board-${column.status}`}
              className={classes.filter(Boolean).join(' ')}
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
