'use client';

import { vehicleCreateInput, vehicleUpdateInput } from '@garage/validators';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { TextField } from '~/components/text-field';
import { fieldErrorsFrom } from '~/lib/field-errors';
import { useFormCheck } from '~/lib/use-form-check';
import { useShopFormat } from '~/lib/use-shop-format';
import { useTRPC } from '~/trpc/react';
import { type OwnerChoice, OwnerPicker } from './owner-picker';
import { useVinFill } from './use-vin-fill';
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
 * Create (no id) or edit a vehicle, including moving it to another owner. Lowering the
 * mileage is refused by the API unless the user confirms it corrects a typo.
 */
export function VehicleForm({
  id,
  initial,
  owner,
}: {
  id?: number;
  initial?: VehicleDraft;
  owner: OwnerChoice | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const format = useShopFormat();
  const [draft, setDraft] = useState<VehicleDraft>(initial ?? blankVehicle);
  const [chosenOwner, setChosenOwner] = useState<OwnerChoice | null>(owner);
  const [foreignVin, setForeignVin] = useState(false);
  const [offerCorrection, setOfferCorrection] = useState(false);
  const [correctsMileage, setCorrectsMileage] = useState(false);
  const vinFill = useVinFill({ initialVin: initial?.vin, setDraft });
  const onSuccess = async (saved: { id: number }) => {
    // A move changes two owners' pages; counts and lists change with any write.
    await Promise.all([
      queryClient.invalidateQueries(trpc.vehicle.pathFilter()),
      queryClient.invalidateQueries(trpc.customer.pathFilter()),
    ]);
    router.push(`/staff/vehicles/${saved.id}`);
  };
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
  const { fields, formError, check } = useFormCheck(mutation, vehicleFields);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { fields: vehicle, unread } = readVehicleDraft(
      draft,
      chosenOwner?.id ?? null,
      format.locale,
    );
    const vin = { vin: draft.vin, ...(foreignVin ? { vinCheckDigit: false } : {}) };
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
        ...vehicle,
        ...(vinChanged(draft.vin, initial?.vin) ? vin : {}),
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
      <OwnerPicker value={chosenOwner} onChange={setChosenOwner} error={fields.ownerId} />
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
      <TextField
        label="Make"
        name="make"
        value={draft.make}
        onChange={set('make')}
        error={fields.make}
        required
      />
      <TextField
        label="Model"
        name="model"
        value={draft.model}
        onChange={set('model')}
        error={fields.model}
        required
      />
      <TextField
        label="Year"
        name="year"
        inputMode="numeric"
        value={draft.year}
        onChange={set('year')}
        error={fields.year}
        required
      />
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
      <TextField
        label="Notes"
        name="notes"
        multiline
        value={draft.notes}
        onChange={set('notes')}
        error={fields.notes}
      />
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
