'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Failed, Loading } from '~/components/query-state';
import { vehicleLabel } from '~/components/vehicles/vehicle-picker';
import { useTRPC } from '~/trpc/react';
import { BookingForm, type Prefill, type Slot } from './booking-form';
import { DayGrid } from './day-grid';
import { WeekCapacity } from './week-capacity';

const addDays = (day: string, count: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + count * 86_400_000).toISOString().slice(0, 10);

/**
 * The schedule: a day by bay or by technician, and the week's capacity. Opened with a vehicle and
 * a concern (from Due soon or a vehicle's page), a click on a free cell books it. Live: the day
 * refetches when anyone books, moves or cancels on it (its tags reach the page's stream).
 */
export function ScheduleScreen({ today, prefill }: { today: string; prefill: Prefill }) {
  const trpc = useTRPC();
  const [day, setDay] = useState(today);
  const [by, setBy] = useState<'bay' | 'technician'>('bay');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [now, setNow] = useState(() => new Date());
  const view = useQuery(trpc.schedule.day.queryOptions({ day }));
  const prefilled = useQuery({
    ...trpc.vehicle.byId.queryOptions({ id: prefill.vehicleId ?? 0 }),
    enabled: prefill.vehicleId !== undefined,
  });
  const vehicle = prefilled.data ?? null;
  // Overdue is judged against the clock, which moves without any write.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <>
      <div className="schedule-toolbar">
        <button type="button" className="secondary" onClick={() => setDay(addDays(day, -1))}>
          ← Previous day
        </button>
        <input
          type="date"
          aria-label="Day"
          value={day}
          onChange={(event) => event.target.value && setDay(event.target.value)}
        />
        <button type="button" className="secondary" onClick={() => setDay(addDays(day, 1))}>
          Next day →
        </button>
        <button type="button" className="secondary" onClick={() => setDay(today)}>
          Today
        </button>
        <fieldset className="segmented">
          <legend className="visually-hidden">Columns</legend>
          <label>
            <input type="radio" name="by" checked={by === 'bay'} onChange={() => setBy('bay')} /> By
            bay
          </label>
          <label>
            <input
              type="radio"
              name="by"
              checked={by === 'technician'}
              onChange={() => setBy('technician')}
            />{' '}
            By technician
          </label>
        </fieldset>
      </div>
      {vehicle ? (
        <p className="muted">
          Booking {vehicleLabel(vehicle)}
          {prefill.concern ? `: ${prefill.concern}` : ''}. Pick a free time.
        </p>
      ) : null}
      {slot ? (
        <BookingForm
          // Opened before the prefilled vehicle loaded, the form takes it once it has.
          key={vehicle?.id ?? 'no vehicle'}
          slot={slot}
          vehicle={vehicle}
          concern={prefill.concern ?? ''}
          onDone={() => setSlot(null)}
        />
      ) : null}
      {view.isPending ? <Loading what="the day" /> : null}
      {view.isError ? <Failed error={view.error} retry={() => view.refetch()} /> : null}
      {view.data ? (
        <>
          <p className="muted">
            {view.data.hours.length} hours on the shop's clock ({view.data.timeZone})
            {view.data.opening ? '' : ': closed'}.
          </p>
          {view.data.bays.length === 0 && by === 'bay' ? (
            <p className="muted">No bays yet: an admin adds them under Settings.</p>
          ) : (
            <DayGrid day={view.data} by={by} now={now} onPick={setSlot} />
          )}
        </>
      ) : null}
      <h2>Week from {day}</h2>
      <WeekCapacity start={day} onPickDay={setDay} />
    </>
  );
}
