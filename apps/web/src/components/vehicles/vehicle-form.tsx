'use client';

import { vehicleCreateInput, vehicleUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { fieldErrorsFrom } from '~/lib/field-errors';
import { parseId } from '~/lib/ids';
import { useFormCheck } from '~/lib/use-form-check';
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
  initial,
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
  const [draft, setDraft] = useState<VehicleDraft>(initial ?? blankVehicle);
  const [chosenOwner, setChosenOwner] = useState<OwnerChoice | null>(owner);
  const [foreignVin, setForeignVin] = useState(false);
  const [offerCorrection, setOfferCorrection] = useState(false);
  const [correctsMileage, setCorrectsMileage] = useState(false);
  const vinFill = useVinFill({ initialVin: initial?.vin, setDraft });
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
  const { fields, formError: problems, check } = useFormCheck(mutation, vehicleFields);
  const versioned = useVersionConflict({
    record: { version, values: vehicleValues(initial ?? blankVehicle, owner) },
    values: vehicleValues(draft, chosenOwner),
    error: update.error,
    read: readVehicle,
    apply: ({ ownerId, ownerName, ...typed }, shown) => {
      setDraft(typed);
      const ownerNow = parseId(ownerId);
      setChosenOwner(ownerNow === null ? null : { id: ownerNow, name: shown.ownerId ?? ownerName });
    },
    save,
    dismiss: update.reset,
  });
  const formError = versioned.conflict ? undefined : problems;

  function submit(event: FormEvent) {
    event.preventDefault();
    save(vehicleValues(draft, chosenOwner), versioned.version);
  }

  /** Saves the form's values; an edit on top of `onVersion`. */
  function save({ ownerId, ownerName: _shown, ...typed }: VehicleValues, onVersion: number) {
    const { fields: vehicle, unread } = readVehicleDraft(typed, parseId(ownerId), format.locale);
    const vin = { vin: typed.vin, ...(foreignVin ? { vinCheckDigit: false } : {}) };
    if (id === undefined) {
      const input = check(vehicleCreateInput, { ...vehicle, ...vin }, unread);
      if (input) create.mutate(input);
      return;
    }
    // An unchanged VIN is not sent, so a stored foreign VIN is not checked again.
    const input = check(
      vehicleUpdateInput,
      {
        id,
        version: onVersion,
        ...vehicle,
        ...(vinChanged(typed.vin, initial?.vin) ? vin : {}),
        allowMileageDecrease: offerCorrection && correctsMileage,
      },
      unread,
    );
    if (input) update.mutate(input);
  }

  const set = (key: keyof VehicleDraft) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function changeVin(value: string) {
    set('vin')(value);
    vinFill.vinChanged(value);
  }

  function changeForeignVin(foreign: boolean) {
    setForeignVin(foreign);
    vinFill.checkDigitChanged(!foreign);
  }

  return (
    <form onSubmit={submit} className="card form" noValidate>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <p className="muted">Fields marked * are required.</p>
      <ConflictNotice what="vehicle" busy={mutation.isPending} {...versioned.notice} />
      <OwnerPicker value={chosenOwner} onChange={setChosenOwner} error={fields.ownerId} />
      <Theirs conflict={versioned.conflict} field="ownerId" />
      <TextField
        label="VIN"
        name="vin"
        value={draft.vin}
        onChange={changeVin}
        error={fields.vin}
        hint="17 letters and digits, no I, O or Q; make, model and year are filled in from it"
        autoComplete="off"
        required
      />
      <Theirs conflict={versioned.conflict} field="vin" />
      <p className="muted vin-note" role="status">
        {vinFill.note}
      </p>
      <CheckboxField
        label="VIN from outside North America"
        name="foreign-vin"
        checked={foreignVin}
        onChange={changeForeignVin}
        hint="Skips the check digit (9th character), which only North American VINs carry"
      />
      <TextField
        label="Plate"
        name="plate"
        value={draft.plate}
        onChange={set('plate')}
        error={fields.plate}
        autoComplete="off"
        required
      />
      <Theirs conflict={versioned.conflict} field="plate" />
      <TextField
        label="Make"
        name="make"
        value={draft.make}
        onChange={set('make')}
        error={fields.make}
        required
      />
      <Theirs conflict={versioned.conflict} field="make" />
      <TextField
        label="Model"
        name="model"
        value={draft.model}
        onChange={set('model')}
        error={fields.model}
        required
      />
      <Theirs conflict={versioned.conflict} field="model" />
      <TextField
        label="Year"
        name="year"
        inputMode="numeric"
        value={draft.year}
        onChange={set('year')}
        error={fields.year}
        required
      />
      <Theirs conflict={versioned.conflict} field="year" />
      <TextField
        label="Mileage"
        name="mileage"
        inputMode="numeric"
        value={draft.mileage}
        onChange={set('mileage')}
        error={fields.mileage}
        hint="Miles on the odometer"
        required
      />
      <Theirs conflict={versioned.conflict} field="mileage" />
      {offerCorrection ? (
        <CheckboxField
          label="This corrects a wrongly entered mileage"
          name="allow-mileage-decrease"
          checked={correctsMileage}
          onChange={setCorrectsMileage}
          hint="An odometer only goes up; tick this to lower the recorded mileage anyway"
        />
      ) : null}
      <TextField
        label="Colour"
        name="colour"
        value={draft.colour}
        onChange={set('colour')}
        error={fields.colour}
      />
      <Theirs conflict={versioned.conflict} field="colour" />
      <TextField
        label="Notes"
        name="notes"
        multiline
        value={draft.notes}
        onChange={set('notes')}
        error={fields.notes}
      />
      <Theirs conflict={versioned.conflict} field="notes" />
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : id === undefined ? 'Create vehicle' : 'Save changes'}
        </button>
        <button type="button" className="secondary" onClick={() => router.back()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
