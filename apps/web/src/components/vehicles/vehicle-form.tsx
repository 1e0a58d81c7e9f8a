'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { TextField } from '~/components/text-field';
import { type FieldErrors, fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { useTRPC } from '~/trpc/react';
import { type OwnerChoice, OwnerPicker } from './owner-picker';
import { useVinFill } from './use-vin-fill';
import { blankVehicle, parseVehicleDraft, type VehicleDraft, vinChanged } from './vehicle-draft';

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
  const [draft, setDraft] = useState<VehicleDraft>(initial ?? blankVehicle);
  const [chosenOwner, setChosenOwner] = useState<OwnerChoice | null>(owner);
  const [foreignVin, setForeignVin] = useState(false);
  const [offerCorrection, setOfferCorrection] = useState(false);
  const [correctsMileage, setCorrectsMileage] = useState(false);
  const [local, setLocal] = useState<FieldErrors>({});
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
  const fields = { ...fieldErrorsFrom(mutation.error), ...local };
  const formError =
    Object.keys(local).length > 0
      ? 'Please fix the highlighted fields.'
      : formErrorFrom(mutation.error, fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseVehicleDraft(draft, chosenOwner?.id ?? null);
    if ('problems' in parsed) {
      mutation.reset();
      setLocal(parsed.problems);
      return;
    }
    setLocal({});
    const vin = { vin: draft.vin, ...(foreignVin ? { vinCheckDigit: false } : {}) };
    if (id === undefined) {
      create.mutate({ ...parsed.fields, ...vin });
      return;
    }
    // An unchanged VIN is not sent, so a stored foreign VIN is not checked again.
    update.mutate({
      id,
      ...parsed.fields,
      ...(vinChanged(draft.vin, initial?.vin) ? vin : {}),
      allowMileageDecrease: offerCorrection && correctsMileage,
    });
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
        type="number"
        inputMode="numeric"
        value={draft.year}
        onChange={set('year')}
        error={fields.year}
        required
      />
      <TextField
        label="Mileage"
        name="mileage"
        type="number"
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
