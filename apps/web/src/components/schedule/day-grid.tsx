'use client';

import { useMutation } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { useTRPC } from '~/trpc/react';
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

/**
 * One day as a CSS grid: a column per bay (or technician), a row per 15 minutes of the day's
 * real length (23 or 25 hours on a daylight-saving day), appointments and carried-over work as
 * blocks. Free cells are buttons that book; a block moves by dragging it onto a cell, or with
 * the keyboard (arrows: 15 minutes or a column; Shift+arrows: longer or shorter).
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
  const [message, setMessage] = useState<string | null>(null);
  const [dragged, setDragged] = useState<ScheduleAppointment | null>(null);

  const columns: Column[] =
    by === 'bay'
      ? day.bays.map((bay) => ({ id: bay.id, name: bay.name, key: 'bayId', off: false }))
      : day.technicians.map((tech) => ({
          id: tech.id,
          name: tech.name,
          key: 'technicianId',
          off: tech.working === null,
        }));
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

  const moveTo = (row: ScheduleAppointment, startsAt: Date, endsAt: Date, column?: Column) => {
    setMessage(null);
    move.mutate(
      {
        id: row.id,
        version: row.version,
        startsAt,
        endsAt,
        ...(column ? { [column.key]: column.id } : {}),
      },
      {
        onSuccess: () =>
          setMessage(`Moved to ${clock(startsAt, day.timeZone)}-${clock(endsAt, day.timeZone)}.`),
        onError: (error) => setMessage(error.message),
      },
    );
  };

  const onKey = (event: KeyboardEvent, row: ScheduleAppointment, columnIndex: number) => {
    const step = stepMinutes * 60_000;
    const start = row.startsAt.getTime();
    const end = row.endsAt.getTime();
    const shift = event.shiftKey;
    const moves: Record<string, () => void> = {
      ArrowUp: () =>
        shift
          ? moveTo(row, row.startsAt, new Date(Math.max(start + step, end - step)))
          : moveTo(row, new Date(start - step), new Date(end - step)),
      ArrowDown: () =>
        shift
          ? moveTo(row, row.startsAt, new Date(end + step))
          : moveTo(row, new Date(start + step), new Date(end + step)),
      ArrowLeft: () => {
        const column = columns[columnIndex - 1];
        if (column) moveTo(row, row.startsAt, row.endsAt, column);
      },
      ArrowRight: () => {
        const column = columns[columnIndex + 1];
        if (column) moveTo(row, row.startsAt, row.endsAt, column);
      },
    };
    const action = moves[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <>
      <p role="status" className="muted">
        {message}
      </p>
      <div
        className="schedule-grid"
        style={{
          gridTemplateColumns: `4rem repeat(${columns.length}, minmax(9rem, 1fr))`,
          gridTemplateRows: `auto repeat(${rows}, 1.25rem)`,
        }}
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
                style={{ gridColumn: index + 2, gridRow: row + 2 }}
                aria-label={`Book ${label}`}
                onClick={() => onPick({ [column.key]: column.id, startsAt, label })}
                onDragOver={(event) => event.preventDefault()}
                onDrop={() => {
                  if (!dragged) return;
                  const length = dragged.endsAt.getTime() - dragged.startsAt.getTime();
                  moveTo(dragged, startsAt, new Date(startsAt.getTime() + length), column);
                  setDragged(null);
                }}
              />
            );
          }),
        )}
        {day.carryOver.map((held) => {
          const index = columns.findIndex(
            (column) => column.id === (by === 'bay' ? held.bayId : held.technicianId),
          );
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
          const index = columns.findIndex(
            (column) => column.id === (by === 'bay' ? row.bayId : row.technicianId),
          );
          if (index < 0) return null;
          const overdue = row.status === 'booked' && row.startsAt < now;
          const movable = row.status === 'booked' || row.status === 'requested';
          const classes = ['schedule-block', `status-${row.status}`, overdue ? 'overdue' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <div
              key={row.id}
              className={classes}
              style={{
                gridColumn: index + 2,
                gridRow: `${rowOf(row.startsAt) + 1} / ${rowOf(row.plannedEnd) + 1}`,
              }}
            >
              {movable ? (
                <button
                  type="button"
                  className="move-handle"
                  draggable
                  onDragStart={() => setDragged(row)}
                  onKeyDown={(event) => onKey(event, row, index)}
                  aria-label={`Move ${clock(row.startsAt, day.timeZone)} ${whoOf(row)}${overdue ? ' (overdue)' : ''}: arrows move it, Shift+arrows resize it`}
                >
                  ⠿
                </button>
              ) : null}
              <span className="time">
                {clock(row.startsAt, day.timeZone)}-{clock(row.endsAt, day.timeZone)}
              </span>{' '}
              <strong>{whoOf(row)}</strong>
              <span className="badge">{overdue ? 'overdue' : row.status.replace('_', '-')}</span>
              <br />
              {row.concern}
              <AppointmentActions row={row} />
            </div>
          );
        })}
      </div>
    </>
  );
}

/** The status moves an appointment offers now. */
function AppointmentActions({ row }: { row: ScheduleAppointment }) {
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
