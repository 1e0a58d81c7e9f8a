'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Failed, Loading } from '~/components/query-state';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { useTRPC } from '~/trpc/react';
import { minuteOfTime, timeOfMinute, type WeekdaySpan, weekdays } from './week-minutes';
import { WeekdayLine } from './weekday-line';

/** A refusal in words, naming its fields (this screen has no field to mark). */
const errorOf = (error: unknown) => formErrorFrom(error, fieldErrorsFrom(error), []);

/**
 * Admin: the schedule's bays (add, rename, take out of service) and the shop's opening hours
 * per weekday, in the shop's time zone. Saves answer what they invalidated, so every schedule on
 * screen follows.
 */
export function ScheduleSettings() {
  const trpc = useTRPC();
  const setup = useQuery(trpc.schedule.setup.queryOptions());
  const createBay = useMutation(trpc.schedule.createBay.mutationOptions());
  const updateBay = useMutation(trpc.schedule.updateBay.mutationOptions());
  const setOpeningHours = useMutation(trpc.schedule.setOpeningHours.mutationOptions());
  const [bayName, setBayName] = useState('');
  const [week, setWeek] = useState<WeekdaySpan[]>([]);

  const opening = setup.data?.openingHours;
  useEffect(() => {
    if (!opening) return;
    setWeek(
      weekdays.map((_, index) => {
        const row = opening.find((each) => each.weekday === index + 1);
        return row
          ? { on: true, from: timeOfMinute(row.opensMinute), to: timeOfMinute(row.closesMinute) }
          : { on: false, from: '08:00', to: '17:00' };
      }),
    );
  }, [opening]);

  if (setup.isPending) return <Loading what="the schedule's settings" />;
  if (setup.isError) return <Failed error={setup.error} retry={() => setup.refetch()} />;

  const saveHours = () =>
    setOpeningHours.mutate({
      hours: week.flatMap((day, index) => {
        const [opensMinute, closesMinute] = [minuteOfTime(day.from), minuteOfTime(day.to)];
        return day.on && opensMinute !== null && closesMinute !== null
          ? [{ weekday: index + 1, opensMinute, closesMinute }]
          : [];
      }),
    });
  const change = (index: number, patch: Partial<WeekdaySpan>) =>
    setWeek(week.map((day, at) => (at === index ? { ...day, ...patch } : day)));

  return (
    <>
      <section aria-labelledby="bays-title">
        <h2 id="bays-title">Bays</h2>
        {setup.data.bays.length === 0 ? <p className="muted">No bays yet.</p> : null}
        <ul className="bay-list">
          {setup.data.bays.map((bay) => (
            <li key={bay.id}>
              {bay.name} {bay.active ? '' : '(out of service)'}{' '}
              <button
                type="button"
                className="secondary"
                disabled={updateBay.isPending}
                onClick={() =>
                  updateBay.mutate({ id: bay.id, version: bay.version, active: !bay.active })
                }
              >
                {bay.active ? 'Take out of service' : 'Bring back into service'}
              </button>
            </li>
          ))}
        </ul>
        {updateBay.error ? (
          <p role="alert" className="error">
            {errorOf(updateBay.error)}
          </p>
        ) : null}
        <form
          aria-label="New bay"
          onSubmit={(event) => {
            event.preventDefault();
            createBay.mutate(
              { name: bayName, position: setup.data.bays.length },
              { onSuccess: () => setBayName('') },
            );
          }}
        >
          <label>
            Bay name
            <input value={bayName} onChange={(event) => setBayName(event.target.value)} />
          </label>
          <button type="submit" disabled={createBay.isPending}>
            Add bay
          </button>
          {createBay.error ? (
            <p role="alert" className="error">
              {errorOf(createBay.error)}
            </p>
          ) : null}
        </form>
      </section>
      <section aria-labelledby="opening-title">
        <h2 id="opening-title">Opening hours ({setup.data.timeZone})</h2>
        <form
          aria-label="Opening hours"
          onSubmit={(event) => {
            event.preventDefault();
            saveHours();
          }}
        >
          {week.map((day, index) => (
            <WeekdayLine
              key={weekdays[index]}
              weekday={weekdays[index] ?? ''}
              span={day}
              labels={{ on: 'Open', from: 'Opens', to: 'Closes' }}
              onChange={(patch) => change(index, patch)}
            />
          ))}
          <button type="submit" disabled={setOpeningHours.isPending}>
            Save opening hours
          </button>
          {setOpeningHours.error ? (
            <p role="alert" className="error">
              {errorOf(setOpeningHours.error)}
            </p>
          ) : null}
          {setOpeningHours.isSuccess ? <p role="status">Opening hours saved.</p> : null}
        </form>
      </section>
    </>
  );
}
