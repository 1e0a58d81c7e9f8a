'use client';

import { appointmentMoveInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { CheckboxField } from '~/components/checkbox-field';
import { FormError } from '~/components/form-error';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import type { FieldErrors } from '~/lib/field-errors';
import { useFormMutation } from '~/lib/use-form-mutation';
import { fromWallClockInput, toWallClockInput } from '~/lib/zoned-time';
import { useTRPC } from '~/trpc/react';
import type { Span } from './block-moves';
import type { ScheduleAppointment } from './schedule-types';

/** The fields of `schedule.move` this form shows a problem beside. */
const timeFields = ['startsAt', 'endsAt', 'allowOutOfHours', 'bayId', 'technicianId'];

/** `HH:MM` of `instant` on the shop's clock. */
const wallTime = (instant: Date, timeZone: string) => toWallClockInput(instant, timeZone).slice(11);

/**
 * The keyboard's way to move or resize an appointment: its start and end typed on the shop's
 * clock, on the day shown. Based on the appointment as it was when the form opened, so a move
 * made meanwhile by someone else is refused (naming who) rather than overwritten.
 */
export function AppointmentTimeForm({
  appointment,
  who,
  day,
  timeZone,
  onDone,
}: {
  appointment: ScheduleAppointment;
  /** The appointment in a few words: "Alice Martin · ABC 123". */
  who: string;
  /** The day shown, `YYYY-MM-DD` on the shop's clock. */
  day: string;
  timeZone: string;
  /** Closes the form; with the new span once the move was saved. */
  onDone: (moved?: Span) => void;
}) {
  const trpc = useTRPC();
  const move = useMutation(trpc.schedule.move.mutationOptions());
  const form = useFormMutation(move, {
    initial: {
      start: wallTime(appointment.startsAt, timeZone),
      end: wallTime(appointment.endsAt, timeZone),
      allowOutOfHours: false,
    },
    fields: timeFields,
  });

  function submit() {
    const startsAt = fromWallClockInput(`${day}T${form.draft.start}`, timeZone);
    const endsAt = fromWallClockInput(`${day}T${form.draft.end}`, timeZone);
    const unread: FieldErrors = {};
    if (!startsAt) unread.startsAt = 'must be a time (HH:MM)';
    if (!endsAt) unread.endsAt = 'must be a time (HH:MM)';
    form.send(
      move.mutate,
      appointmentMoveInput,
      {
        id: appointment.id,
        version: appointment.version,
        startsAt: startsAt ?? undefined,
        endsAt: endsAt ?? undefined,
        ...(form.draft.allowOutOfHours ? { allowOutOfHours: true } : {}),
      },
      { unread, saved: (moved) => onDone({ startsAt: moved.startsAt, endsAt: moved.endsAt }) },
    );
  }

  const clash = form.fields.bayId ?? form.fields.technicianId;
  return (
    <form
      className="card booking-form"
      aria-label={`Time of ${who}`}
      onSubmit={form.onSubmit(submit)}
      noValidate
    >
      <h2>Change the time of {who}</h2>
      <FormError>{form.formError}</FormError>
      <TextField label="Starts" name="startsAt" type="time" {...form.field('start', 'startsAt')} />
      <TextField label="Ends" name="endsAt" type="time" {...form.field('end', 'endsAt')} />
      {clash ? <p className="field-error">{clash}</p> : null}
      {form.fields.allowOutOfHours ? (
        <>
          <p className="field-error">{form.fields.allowOutOfHours}</p>
          <CheckboxField
            label="Move it anyway (out of hours)"
            name="allowOutOfHours"
            checked={form.draft.allowOutOfHours}
            onChange={form.set('allowOutOfHours')}
          />
        </>
      ) : null}
      <div className="actions">
        <SubmitButton busy={form.busy}>Save time</SubmitButton>
        <button type="button" className="secondary" onClick={() => onDone()}>
          Close
        </button>
      </div>
    </form>
  );
}
