'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type FieldErrors, fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { useTRPC } from '~/trpc/react';

/** Where a new booking goes: a column (bay or technician) and its start. */
export type Slot = { bayId?: number; technicianId?: number; startsAt: Date; label: string };

/** What the page was opened with: a vehicle and its concern (from Due soon, a vehicle's page). */
export type Prefill = { vehicleId?: number; concern?: string };

/**
 * Books the chosen slot: a known vehicle, or a caller drafted by name and phone. Out-of-hours
 * bookings need the override box, which the form offers when the API asks for it.
 */
export function BookingForm({
  slot,
  prefill,
  onDone,
}: {
  slot: Slot;
  prefill: Prefill;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const book = useMutation(trpc.schedule.book.mutationOptions());
  const [vehicleId, setVehicleId] = useState(prefill.vehicleId ? String(prefill.vehicleId) : '');
  const [draftName, setDraftName] = useState('');
  const [draftPhone, setDraftPhone] = useState('');
  const [concern, setConcern] = useState(prefill.concern ?? '');
  const [minutes, setMinutes] = useState(60);
  const [channel, setChannel] = useState<'phone' | 'walk_in'>('phone');
  const [override, setOverride] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = () => {
    setErrors({});
    setFormError(null);
    book.mutate(
      {
        ...(vehicleId
          ? { vehicleId: Number(vehicleId) }
          : { draft: { name: draftName, phone: draftPhone || null } }),
        concern,
        startsAt: slot.startsAt,
        endsAt: new Date(slot.startsAt.getTime() + minutes * 60_000),
        ...(slot.bayId ? { bayId: slot.bayId } : {}),
        ...(slot.technicianId ? { technicianId: slot.technicianId } : {}),
        channel,
        ...(override ? { allowOutOfHours: true } : {}),
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          const fields = fieldErrorsFrom(error);
          setErrors(fields);
          setFormError(
            formErrorFrom(error, fields, [
              'vehicleId',
              'draft',
              'concern',
              'endsAt',
              'allowOutOfHours',
              'bayId',
              'technicianId',
            ]) ?? null,
          );
        },
      },
    );
  };

  return (
    <form
      className="card booking-form"
      aria-label="New booking"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2>Book {slot.label}</h2>
      {formError ? (
        <p role="alert" className="error">
          {formError}
        </p>
      ) : null}
      <label>
        Vehicle id
        <input
          inputMode="numeric"
          value={vehicleId}
          onChange={(event) => setVehicleId(event.target.value)}
        />
      </label>
      {errors.vehicleId ? <p className="error">{errors.vehicleId}</p> : null}
      {vehicleId ? null : (
        <fieldset>
          <legend>New caller (no record yet)</legend>
          <label>
            Name
            <input value={draftName} onChange={(event) => setDraftName(event.target.value)} />
          </label>
          <label>
            Phone
            <input value={draftPhone} onChange={(event) => setDraftPhone(event.target.value)} />
          </label>
        </fieldset>
      )}
      <label>
        Concern
        <textarea value={concern} onChange={(event) => setConcern(event.target.value)} />
      </label>
      {errors.concern ? <p className="error">{errors.concern}</p> : null}
      <label>
        Length
        <select value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
          {[30, 60, 90, 120, 180, 240, 480].map((length) => (
            <option key={length} value={length}>
              {length < 60 ? `${length} min` : `${length / 60} h`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Channel
        <select
          value={channel}
          onChange={(event) => setChannel(event.target.value === 'walk_in' ? 'walk_in' : 'phone')}
        >
          <option value="phone">Phone</option>
          <option value="walk_in">Walk-in</option>
        </select>
      </label>
      {errors.allowOutOfHours ? (
        <label className="error">
          <input
            type="checkbox"
            checked={override}
            onChange={(event) => setOverride(event.target.checked)}
          />
          {errors.allowOutOfHours} — book anyway
        </label>
      ) : null}
      {errors.bayId || errors.technicianId ? (
        <p className="error">{errors.bayId ?? errors.technicianId}</p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={book.isPending}>
          Book
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
