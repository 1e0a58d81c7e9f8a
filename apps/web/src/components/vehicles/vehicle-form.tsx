'use client';

import { vehicleCreateInput, vehicleUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CancelButton } from '~/components/cancel-button';
import { CheckboxField } from '~/components/checkbox-field';
import { FormError } from '~/components/form-error';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { fieldErrorsFrom } from '~/lib/field-errors';
import { parseId } from '~/lib/ids';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { useTRPC } from '~/trpc/react';
import { type OwnerChoice, OwnerPicker } from './owner-picker';
import { useVinFill } from './use-vin-fill';
import { readVehicle, type VehicleValues, vehicleValues } from './vehicle-conflict';
import { blankVehicle, readVehicleDraft, type VehicleDraft, vinChanged } from './vehicle-draft';

// The fields whose inputs show their errors, by the API's names (the server's land on them too).
const vehicleFields = [
  'ownerId',
  'vin',
  'plate',
  'make',
  'model',
  'year',
  'mileage',
  'colour',
  'notes',
];

/**
 * Create (no id) or edit a vehicle (at `version`, as loaded), including moving it to another
 * owner. Lowering the mileage is refused by the API unless the user confirms it corrects a typo.
 */
export function VehicleForm({
  id,
  initial = blankVehicle,
  owner,
  version = 0,
}: {
  id?: number;
  initial?: VehicleDraft;
  owner: OwnerChoice | null;
  version?: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const format = useShopFormat();
  const [chosenOwner, setChosenOwner] = useState<OwnerChoice | null>(owner);
  const [foreignVin, setForeignVin] = useState(false);
  const [offerCorrection, setOfferCorrection] = useState(false);
  const [correctsMileage, setCorrectsMileage] = useState(false);
  const onSuccess = (saved: { id: number }) => router.push(`/staff/vehicles/${saved.id}`);
  const create = useMutation(trpc.vehicle.create.mutationOptions({ onSuccess }));
  const update = useMutation(
    trpc.vehicle.update.mutationOptions({
      onSuccess,
      onError: (error) => {
        if (fieldErrorsFrom(error).mileage?.includes('lower than')) setOfferCorrection(true);
      },
    }),
  );
  const mutation = id === undefined ? create : update;
  const form = useFormMutation(mutation, { initial, fields: vehicleFields });
  const vinFill = useVinFill({ initialVin: initial.vin, setDraft: form.setDraft });
  const versioned = useVersionConflict({
    record: { version, values: vehicleValues(initial, owner) },
    values: vehicleValues(form.draft, chosenOwner),
    error: update.error,
    read: readVehicle,
    apply: ({ ownerId, ownerName, ...typed }, shown) => {
      form.setDraft(typed);
      const ownerNow = parseId(ownerId);
      setChosenOwner(ownerNow === null ? null : { id: ownerNow, name: shown.ownerId ?? ownerName });
    },
    save,
    dismiss: update.reset,
  });

  /** Saves the form's values; an edit on top of `onVersion`. */
  function save({ ownerId, ownerName: _shown, ...typed }: VehicleValues, onVersion: number) {
    const { fields: vehicle, unread } = readVehicleDraft(typed, parseId(ownerId), format.locale);
    const vin = { vin: typed.vin, ...(foreignVin ? { vinCheckDigit: false } : {}) };
    if (id === undefined) {
      form.send(create.mutate, vehicleCreateInput, { ...vehicle, ...vin }, { unread });
      return;
    }
    // An unchanged VIN is not sent, so a stored foreign VIN is not checked again.
    const changes = {
      id,
      version: onVersion,
      ...vehicle,
      ...(vinChanged(typed.vin, initial.vin) ? vin : {}),
      allowMileageDecrease: offerCorrection && correctsMileage,
    };
    form.send(update.mutate, vehicleUpdateInput, changes, { unread });
  }

  const theirs = (field: keyof VehicleValues) => (
    <Theirs conflict={versioned.conflict} field={field} />
  );
  return (
    <form
      onSubmit={form.onSubmit(() =>
        save(vehicleValues(form.draft, chosenOwner), versioned.version),
      )}
      className="card form"
      noValidate
    >
      <FormError>{versioned.conflict ? undefined : form.formError}</FormError>
      <p className="muted">Fields marked * are required.</p>
      <ConflictNotice what="vehicle" busy={form.busy} {...versioned.notice} />
      <OwnerPicker value={chosenOwner} onChange={setChosenOwner} error={form.fields.ownerId} />
      {theirs('ownerId')}
      <TextField
        label="VIN"
        name="vin"
        {...form.field('vin')}
        onChange={(value) => {
          form.set('vin')(value);
          vinFill.vinChanged(value);
        }}
        hint="17 letters and digits, no I, O or Q; make, model and year are filled in from it"
        autoComplete="off"
        required
      />
      {theirs('vin')}
      <p className="muted vin-note" role="status">
        {vinFill.note}
      </p>
      <CheckboxField
        label="VIN from outside North America"
        name="foreign-vin"
        checked={foreignVin}
        onChange={(foreign) => {
          setForeignVin(foreign);
          vinFill.checkDigitChanged(!foreign);
        }}
        hint="Skips the check digit (9th character), which only North American VINs carry"
      />
      <TextField label="Plate" name="plate" {...form.field('plate')} autoComplete="off" required />
      {theirs('plate')}
      <TextField label="Make" name="make" {...form.field('make')} required />
      {theirs('make')}
      <TextField label="Model" name="model" {...form.field('model')} required />
      {theirs('model')}
      <TextField label="Year" name="year" inputMode="numeric" {...form.field('year')} required />
      {theirs('year')}
      <TextField
        label="Mileage"
        name="mileage"
        inputMode="numeric"
        {...form.field('mileage')}
        hint="Miles on the odometer"
        required
      />
      {theirs('mileage')}
      {offerCorrection ? (
        <CheckboxField
          label="This corrects a wrongly entered mileage"
          name="allow-mileage-decrease"
          checked={correctsMileage}
          onChange={setCorrectsMileage}
          hint="An odometer only goes up; tick this to lower the recorded mileage anyway"
        />
      ) : null}
      <TextField label="Colour" name="colour" {...form.field('colour')} />
      {theirs('colour')}
      <TextField label="Notes" name="notes" multiline {...form.field('notes')} />
      {theirs('notes')}
      <div className="actions">
        <SubmitButton busy={form.busy}>
          {id === undefined ? 'Create vehicle' : 'Save changes'}
        </SubmitButton>
        <CancelButton />
      </div>
    </form>
  );
}
