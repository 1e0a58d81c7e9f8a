'use client';

import { useMutation } from '@tanstack/react-query';
import { type DragEvent, type KeyboardEvent, useState } from 'react';
import { fieldErrorsFrom } from '~/lib/field-errors';
import { useTRPC } from '~/trpc/react';
import { AppointmentTimeForm } from './appointment-time-form';
import { type DragMode, type Span, sameSpan, spanOnDrop, spanOnKey } from './block-moves';
import type { Slot } from './booking-form';
import {
  minutesInto,
  type ScheduleAppointment,
  type ScheduleDay,
  stepMinutes,
} from './schedule-types';

type Column = { id: number; name: string; key: 'bayId' | 'technicianId'; off: boolean };

const clock = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

/** Who the appointment is for, in a few words. */
const whoOf = (row: ScheduleAppointment) =>
  [row.customer?.name ?? row.draftName, row.vehicle ? `${row.vehicle.plate}` : row.draftVehicle]
    .filter(Boolean)
    .join(' · ');

/** Why a move was refused: the clash or rule it names (on a field), or the error's message. */
const problemOf = (error: unknown) =>
  Object.values(fieldErrorsFrom(error))[0] ??
  (error instanceof Error ? error.message : 'it could not be saved');

/**
 * A move sent for an appointment, drawn where it goes until the day shows it: based on version
 * `basedOn`, saved as version `saved` (null while on the way), so a next move (another key
 * press) can follow before the day is read again.
 */
type Placed = {
  id: number;
  basedOn: number;
  saved: number | null;
  startsAt: Date;
  endsAt: Date;
  bayId: number | null;
  technicianId: number | null;
};

/** The outcome of the last move, in words: said politely when done, announced when refused. */
type Outcome = { refused: boolean; text: string };

/**
 * One day as a CSS grid: a column per bay (or technician), a row per 15 minutes of the day's
 * real length (23 or 25 hours on a daylight-saving day), appointments and carried-over work as
 * blocks. Free cells are buttons that book. A block moves by dragging its handle onto a cell
 * (another column too) and resizes by dragging its bottom edge; from the keyboard, arrows on
 * its move handle move it (Shift+arrows resize it), arrows on its resize handle end it earlier
 * or later, and "Change time" types its start and end. A block is drawn where it goes while the
 * move is on the way; a refused move (a clash, named) puts it back where it was.
 */
export function DayGrid({
  day,
  by,
  now,
  onPick,
}: {
  day: ScheduleDay;
  by: 'bay' | 'technician';
  now: Date;
  onPick: (slot: Slot) => void;
}) {
  const trpc = useTRPC();
  const move = useMutation(trpc.schedule.move.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dragged, setDragged] = useState<{ row: ScheduleAppointment; mode: DragMode } | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [editing, setEditing] = useState<ScheduleAppointment | null>(null);

  const columns: Column[] =
    by === 'bay'
      ? day.bays.map((bay) => ({ id: bay.id, name: bay.name, key: 'bayId', off: false }))
      : day.technicians.map((tech) => ({
          id: tech.id,
          name: tech.name,
          key: 'technicianId',
          off: tech.working === null,
        }));
  const columnOf = (item: { bayId: number | null; technicianId: number | null }) =>
    columns.findIndex((column) => column.id === (by === 'bay' ? item.bayId : item.technicianId));
  const first = day.opening ? minutesInto(day, day.opening.start) : 0;
  const last = day.opening ? minutesInto(day, day.opening.end) : minutesInto(day, day.end);
  const rows = Math.max(1, Math.ceil((last - first) / stepMinutes));
  const rowOf = (instant: Date) =>
    Math.min(
      rows + 1,
      Math.max(1, Math.round((minutesInto(day, instant) - first) / stepMinutes) + 1),
    );
  const instantAt = (row: number) =>
    new Date(day.start.getTime() + (first + row * stepMinutes) * 60_000);
  const span = (from: Date, to: Date) => `${clock(from, day.timeZone)}-${clock(to, day.timeZone)}`;

  /** The move of `row` the day does not show yet (it still holds an older version). */
  const placedOf = (row: ScheduleAppointment) =>
    placed !== null && placed.id === row.id && row.version <= placed.basedOn ? placed : null;

  /** Where `row` is drawn, and the version its next move is based on (null: one is on the way). */
  const shownOf = (row: ScheduleAppointment) => {
    const moved = placedOf(row);
    return moved ? { ...moved, version: moved.saved } : { ...row, version: row.version };
  };

  const moveTo = (row: ScheduleAppointment, to: Span, column?: Column) => {
    const shown = shownOf(row);
    const version = shown.version;
    if (version === null) return;
    const sent = (current: Placed | null) => current?.id === row.id && current.basedOn === version;
    setOutcome(null);
    setPlaced({
      id: row.id,
      basedOn: version,
      saved: null,
      ...to,
      bayId: column?.key === 'bayId' ? column.id : shown.bayId,
      technicianId: column?.key === 'technicianId' ? column.id : shown.technicianId,
    });
    move.mutate(
      { id: row.id, version, ...to, ...(column ? { [column.key]: column.id } : {}) },
      {
        onSuccess: (moved) => {
          setPlaced((current) =>
            current && sent(current) ? { ...current, saved: moved.version } : current,
          );
          setOutcome({ refused: false, text: `Moved to ${span(to.startsAt, to.endsAt)}.` });
        },
        onError: (error) => {
          setPlaced((current) => (sent(current) ? null : current));
          setOutcome({ refused: true, text: `Not moved: ${problemOf(error)}.` });
        },
      },
    );
  };

  /** Opens the time form on the block as drawn (a move saved but not yet read again included). */
  const editTime = (row: ScheduleAppointment) => {
    const shown = shownOf(row);
    if (shown.version === null) return;
    setEditing({ ...row, startsAt: shown.startsAt, endsAt: shown.endsAt, version: shown.version });
  };

  /** A handle dropped anywhere on the grid: the cell under the pointer, even beneath a block. */
  const onDrop = (event: DragEvent) => {
    if (!dragged) return;
    event.preventDefault();
    setDragged(null);
    const cell = document
      .elementsFromPoint(event.clientX, event.clientY)
      .find(
        (element): element is HTMLElement =>
          element instanceof HTMLElement && 'row' in element.dataset,
      );
    if (!cell) return;
    const { row, mode } = dragged;
    const shown = shownOf(row);
    const to = spanOnDrop(mode, shown, instantAt(Number(cell.dataset.row)), stepMinutes);
    const target = columns[Number(cell.dataset.column)];
    const column =
      mode === 'move' && target && columnOf(shown) !== columns.indexOf(target) ? target : undefined;
    if (column || !sameSpan(to, shown)) moveTo(row, to, column);
  };

  const onMoveKey = (event: KeyboardEvent, row: ScheduleAppointment, columnIndex: number) => {
    const sideways = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    const shown = shownOf(row);
    const to = spanOnKey(event.key, event.shiftKey, shown, stepMinutes);
    if (sideways === undefined && !to) return;
    event.preventDefault();
    const column = sideways === undefined ? undefined : columns[columnIndex + sideways];
    if (to) moveTo(row, to);
    else if (column) moveTo(row, shown, column);
  };

  const onResizeKey = (event: KeyboardEvent, row: ScheduleAppointment) => {
    const to = spanOnKey(event.key, true, shownOf(row), stepMinutes);
    if (!to) return;
    event.preventDefault();
    moveTo(row, to);
  };

  return (
    <>
      {outcome?.refused ? (
        <p role="alert" className="form-error">
          {outcome.text}
        </p>
      ) : (
        <p role="status" className="muted">
          {outcome?.text}
        </p>
      )}
      {editing ? (
        <AppointmentTimeForm
          key={`${editing.id}-${editing.version}`}
          appointment={editing}
          who={whoOf(editing)}
          day={day.day}
          timeZone={day.timeZone}
          onDone={(moved) => {
            setEditing(null);
            if (moved)
              setOutcome({
                refused: false,
                text: `Moved to ${span(moved.startsAt, moved.endsAt)}.`,
              });
          }}
        />
      ) : null}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer's way; the keyboard's are the handles' keys and "Change time". */}
      <div
        className="schedule-grid"
        style={{
          gridTemplateColumns: `4rem repeat(${columns.length}, minmax(9rem, 1fr))`,
          gridTemplateRows: `auto repeat(${rows}, 1.25rem)`,
        }}
        onDragOver={(event) => {
          if (dragged) event.preventDefault();
        }}
        onDrop={onDrop}
      >
        <div className="schedule-corner" />
        {columns.map((column, index) => (
          <div
            key={column.id}
            className="schedule-head"
            style={{ gridColumn: index + 2, gridRow: 1 }}
          >
            {column.name}
            {column.off ? <small className="muted"> (off)</small> : null}
          </div>
        ))}
        {day.hours
          .filter((mark) => minutesInto(day, mark.at) >= first && minutesInto(day, mark.at) < last)
          .map((mark) => (
            <div
              key={mark.at.toISOString()}
              className="schedule-hour"
              style={{ gridColumn: 1, gridRow: rowOf(mark.at) + 1 }}
            >
              {mark.label}
            </div>
          ))}
        {columns.flatMap((column, index) =>
          Array.from({ length: rows }, (_, row) => {
            const startsAt = instantAt(row);
            const label = `${column.name} at ${clock(startsAt, day.timeZone)}`;
            return (
              <button
                type="button"
                key={`${column.id}-${row}`}
                className="schedule-cell"
                data-row={row}
                data-column={index}
                style={{ gridColumn: index + 2, gridRow: row + 2 }}
                aria-label={`Book ${label}`}
                onClick={() => onPick({ [column.key]: column.id, startsAt, label })}
              />
            );
          }),
        )}
        {day.carryOver.map((held) => {
          const index = columnOf(held);
          if (index < 0) return null;
          return (
            <div
              key={`carry-${held.appointmentId}`}
              className="schedule-block carry-over"
              style={{
                gridColumn: index + 2,
                gridRow: `${rowOf(held.start) + 1} / ${rowOf(held.end) + 1}`,
              }}
            >
              <strong>{held.workOrder.number}</strong> still in the shop
              <br />
              {held.vehicle?.plate}
            </div>
          );
        })}
        {day.appointments.map((row) => {
          const shown = shownOf(row);
          const index = columnOf(shown);
          if (index < 0) return null;
          // Until the day shows a move, the block ends where the move ends it.
          const end = placedOf(row) ? shown.endsAt : row.plannedEnd;
          const moving = shown.version === null;
          const overdue = row.status === 'booked' && row.startsAt < now;
          const noShow = row.status === 'no_show';
          const movable = row.status === 'booked' || row.status === 'requested';
          const who = whoOf(row);
          const times = span(shown.startsAt, shown.endsAt);
          const classes = [
            'schedule-block',
            `status-${row.status}`,
            overdue ? 'overdue' : '',
            moving ? 'moving' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <div
              key={row.id}
              className={classes}
              style={{
                gridColumn: index + 2,
                gridRow: `${rowOf(shown.startsAt) + 1} / ${rowOf(end) + 1}`,
              }}
            >
              <div className="schedule-block-body">
                {movable ? (
                  <button
                    type="button"
                    className="move-handle"
                    draggable
                    onDragStart={() => setDragged({ row, mode: 'move' })}
                    onDragEnd={() => setDragged(null)}
                    onKeyDown={(event) => onMoveKey(event, row, index)}
                    aria-label={`Move ${times} ${who}${overdue ? ' (overdue)' : ''}: arrows move it, Shift+arrows resize it`}
                  >
                    ⠿
                  </button>
                ) : null}
                <span className="time">{times}</span> <strong>{who}</strong>
                <span className="badge">
                  {overdue ? 'overdue' : noShow ? 'no-show' : row.status}
                </span>
                <br />
                {row.concern}
                <AppointmentActions row={row} onChangeTime={movable ? () => editTime(row) : null} />
              </div>
              {movable ? (
                <button
                  type="button"
                  className="resize-handle"
                  draggable
                  onDragStart={() => setDragged({ row, mode: 'resize' })}
                  onDragEnd={() => setDragged(null)}
                  onKeyDown={(event) => onResizeKey(event, row)}
                  aria-label={`Resize ${times} ${who}: drag the bottom edge, or Up and Down arrows end it earlier or later`}
                />
              ) : null}
            </div>
          );
        })}
      </div>
    </>
  );
}

/** The status moves an appointment offers now. */
function AppointmentActions({
  row,
  onChangeTime,
}: {
  row: ScheduleAppointment;
  /** Opens the form that types its start and end (null: it can no longer move). */
  onChangeTime: (() => void) | null;
}) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.schedule.confirm.mutationOptions());
  const arrive = useMutation(trpc.schedule.arrive.mutationOptions());
  const noShow = useMutation(trpc.schedule.noShow.mutationOptions());
  const cancel = useMutation(trpc.schedule.cancel.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const input = { id: row.id, version: row.version };
  const onError = (failure: { message: string }) => setError(failure.message);
  return (
    <span className="schedule-actions">
      {row.status === 'requested' ? (
        <button type="button" onClick={() => confirm.mutate(input, { onError })}>
          Confirm
        </button>
      ) : null}
      {row.status === 'booked' ? (
        <>
          <button type="button" onClick={() => arrive.mutate(input, { onError })}>
            Arrived
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => noShow.mutate(input, { onError })}
          >
            No-show
          </button>
        </>
      ) : null}
      {onChangeTime ? (
        <button
          type="button"
          className="secondary"
          aria-label={`Change the time of ${whoOf(row)}`}
          onClick={onChangeTime}
        >
          Change time
        </button>
      ) : null}
      {row.status === 'requested' || row.status === 'booked' ? (
        <button
          type="button"
          className="secondary"
          onClick={() => cancel.mutate(input, { onError })}
        >
          Cancel
        </button>
      ) : null}
      {row.workOrder ? (
        <a href={`/staff/work-orders/${row.workOrder.id}`}>{row.workOrder.number}</a>
      ) : null}
      {error ? <span className="error">{error}</span> : null}
    </span>
  );
}
