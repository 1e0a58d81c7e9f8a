'use client';

import type { RouterOutputs } from '@garage/api';
import { workingHoursInput } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '~/components/form-error';
import { Loaded } from '~/components/query-state';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useTRPC } from '~/trpc/react';
import { type WeekdaySpan, weekdays } from './week-minutes';
import { WeekdayLine } from './weekday-line';
import {
  dayOffProblems,
  draftOfWeek,
  readWorkingHours,
  shownPaths,
  weekdayProblems,
  withDayOff,
} from './working-hours-draft';

type Technician = RouterOutputs['schedule']['setup']['technicians'][number];

/**
 * Admin: each technician's hours per weekday and days off, on the shop's clock. Booking a
 * technician outside them asks for an override; the day view shows them off on their days off.
 */
export function WorkingHours() {
  const trpc = useTRPC();
  const setup = useQuery(trpc.schedule.setup.queryOptions());
  const [chosenId, setChosenId] = useState<number | null>(null);
  return (
    <section aria-labelledby="working-hours-title">
      <Loaded query={setup} what="the technicians' hours">
        {(data) => {
          const technician =
            data.technicians.find((each) => each.id === chosenId) ?? data.technicians[0];
          return (
            <>
              <h2 id="working-hours-title">Technicians' hours ({data.timeZone})</h2>
              {technician ? (
                <>
                  <SelectField
                    label="Technician"
                    name="technician"
                    value={String(technician.id)}
                    options={data.technicians.map((each) => ({
                      value: String(each.id),
                      label: each.name,
                    }))}
                    onChange={(value) => setChosenId(Number(value))}
                  />
                  {/* A new form per technician: what was typed for one never goes to another. */}
                  <TechnicianWeekForm key={technician.id} technician={technician} />
                </>
              ) : (
                <p className="muted">No technicians yet: mark a staff account as a technician.</p>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** One technician's week: a line per weekday, and the days off. */
function TechnicianWeekForm({ technician }: { technician: Technician }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.schedule.setWorkingHours.mutationOptions());
  const [saved, setSaved] = useState(false);
  const [newDayOff, setNewDayOff] = useState('');
  const initial = draftOfWeek(technician);
  const form = useFormMutation(save, { initial, fields: shownPaths(initial) });
  const { draft } = form;
  const dayProblems = weekdayProblems(draft, form.fields);
  const offProblems = dayOffProblems(draft, form.fields);

  const changeDay = (index: number, patch: Partial<WeekdaySpan>) => {
    setSaved(false);
    form.setDraft((current) => ({
      ...current,
      week: current.week.map((day, at) => (at === index ? { ...day, ...patch } : day)),
    }));
  };

  function submit() {
    setSaved(false);
    const { candidate, unread } = readWorkingHours(draft, technician.id);
    form.send(save.mutate, workingHoursInput, candidate, {
      unread,
      saved: (setup) => {
        const updated = setup.technicians.find((each) => each.id === technician.id);
        if (updated) form.reset(draftOfWeek(updated));
        setSaved(true);
      },
    });
  }

  return (
    <form
      aria-label={`Working hours of ${technician.name}`}
      className="card form"
      onSubmit={form.onSubmit(submit)}
      noValidate
    >
      <FormError>{form.formError}</FormError>
      {draft.week.map((day, index) => (
        <WeekdayLine
          key={weekdays[index]}
          weekday={weekdays[index] ?? ''}
          span={day}
          labels={{ on: 'Works', from: 'Starts', to: 'Ends' }}
          problem={dayProblems[index]}
          onChange={(patch) => changeDay(index, patch)}
        />
      ))}
      <fieldset>
        <legend>Days off</legend>
        {draft.daysOff.length === 0 ? <p className="muted">No days off.</p> : null}
        <ul className="plain">
          {draft.daysOff.map((day, at) => (
            <li key={day}>
              {day}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={`Remove day off ${day}`}
                onClick={() =>
                  form.setDraft((current) => ({
                    ...current,
                    daysOff: current.daysOff.filter((each) => each !== day),
                  }))
                }
              >
                Remove
              </button>
              {offProblems[at] ? <span className="field-error">{offProblems[at]}</span> : null}
            </li>
          ))}
        </ul>
        <label>
          New day off{' '}
          <input
            type="date"
            value={newDayOff}
            onChange={(event) => setNewDayOff(event.target.value)}
          />
        </label>{' '}
        <button
          type="button"
          className="secondary"
          disabled={newDayOff === ''}
          onClick={() => {
            form.setDraft((current) => withDayOff(current, newDayOff));
            setNewDayOff('');
          }}
        >
          Add day off
        </button>
      </fieldset>
      <div className="actions">
        <SubmitButton busy={form.busy}>Save hours of {technician.name}</SubmitButton>
      </div>
      <p role="status">{saved && !form.busy ? 'Working hours saved.' : null}</p>
    </form>
  );
}
