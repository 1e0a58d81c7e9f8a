'use client';

import { appointmentBookInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { CheckboxField } from '~/components/checkbox-field';
import { FormError } from '~/components/form-error';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { type VehicleChoice, VehiclePicker } from '~/components/vehicles/vehicle-picker';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useTRPC } from '~/trpc/react';

/** Where a new booking goes: a column (bay or technician) and its start. */
export type Slot = { bayId?: number; technicianId?: number; startsAt: Date; label: string };

/** What the page was opened with: a vehicle and its concern (from Due soon, a vehicle's page). */
export type Prefill = { vehicleId?: number; concern?: string };

const lengths = [30, 60, 90, 120, 180, 240, 480].map((minutes) => ({
  value: String(minutes),
  label: minutes < 60 ? `${minutes} min` : `${minutes / 60} h`,
}));

const channels = [
  { value: 'phone', label: 'Phone' },
  { value: 'walk_in', label: 'Walk-in' },
] as const;

/** The API's fields this form has a place for; any other is spelled out above it. */
const placed = [
  'vehicleId',
  'draft.name',
  'draft.phone',
  'draft.vehicle',
  'concern',
  'endsAt',
  'channel',
  'allowOutOfHours',
  'bayId',
  'technicianId',
];

/**
 * Books the chosen slot: a vehicle found by plate or owner, or a caller drafted by name, phone
 * and car. Out-of-hours bookings need the override box, which the form offers when the API asks
 * for it. A clash with another booking (the database refuses it) is named on the column.
 */
export function BookingForm({
  slot,
  vehicle,
  concern,
  onDone,
}: {
  slot: Slot;
  vehicle: VehicleChoice | null;
  concern: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const book = useMutation(trpc.schedule.book.mutationOptions());
  const form = useFormMutation(book, {
    initial: {
      vehicle,
      callerName: '',
      callerPhone: '',
      callerVehicle: '',
      concern,
      minutes: '60',
      channel: 'phone',
      override: false,
    },
    fields: placed,
  });
  const { draft, fields } = form;
  const askedForOverride = fields.allowOutOfHours !== undefined;

  function submit() {
    const endsAt = new Date(slot.startsAt.getTime() + Number(draft.minutes) * 60_000);
    const input = {
      ...(draft.vehicle
        ? { vehicleId: draft.vehicle.id }
        : {
            draft: {
              name: draft.callerName,
              phone: draft.callerPhone,
              vehicle: draft.callerVehicle,
            },
          }),
      concern: draft.concern,
      startsAt: slot.startsAt,
      endsAt,
      bayId: slot.bayId,
      technicianId: slot.technicianId,
      channel: draft.channel,
      allowOutOfHours: draft.override || undefined,
    };
    form.send(book.mutate, appointmentBookInput, input, { saved: onDone });
  }

  return (
    <form
      className="card form booking-form"
      aria-label="New booking"
      onSubmit={form.onSubmit(submit)}
      noValidate
    >
      <h2>Book {slot.label}</h2>
      <FormError>{form.formError}</FormError>
      <VehiclePicker
        value={draft.vehicle}
        onChange={form.set('vehicle')}
        error={fields.vehicleId}
        hint="Plate, VIN, make, model or the owner's name; none for a new caller"
      />
      {draft.vehicle ? null : (
        <fieldset>
          <legend>New caller (no record yet)</legend>
          <TextField label="Name" name="caller-name" {...form.field('callerName', 'draft.name')} />
          <TextField
            label="Phone"
            name="caller-phone"
            type="tel"
            {...form.field('callerPhone', 'draft.phone')}
          />
          <TextField
            label="Car"
            name="caller-vehicle"
            hint="As the caller names it, e.g. a blue Golf"
            {...form.field('callerVehicle', 'draft.vehicle')}
          />
        </fieldset>
      )}
      <TextField label="Concern" name="concern" multiline required {...form.field('concern')} />
      <SelectField
        label="Length"
        name="length"
        options={lengths}
        {...form.field('minutes', 'endsAt')}
      />
      <SelectField label="Channel" name="channel" options={channels} {...form.field('channel')} />
      {askedForOverride ? (
        <>
          <p className="field-error">{fields.allowOutOfHours}</p>
          <CheckboxField
            label="Book anyway, outside the hours"
            name="override"
            checked={draft.override}
            onChange={form.set('override')}
          />
        </>
      ) : null}
      {fields.bayId || fields.technicianId ? (
        <p className="field-error" role="alert">
          {fields.bayId ?? fields.technicianId}
        </p>
      ) : null}
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Booking…">
          Book
        </SubmitButton>
        <button type="button" className="secondary" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
