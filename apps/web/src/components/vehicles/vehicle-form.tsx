'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { type FieldErrors, fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { parseId } from '~/lib/ids';
import { useTRPC } from '~/trpc/react';
import { type OwnerChoice, OwnerPicker } from './owner-picker';
import { readVehicle, type VehicleValues, vehicleValues } from './vehicle-conflict';
import { blankVehicle, parseVehicleDraft, type VehicleDraft, vinChanged } from './vehicle-draft';
import { applyDecodedVin, type DecodedFields, decodableVin } from './vin-fill';

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
  const queryClient = useQueryClient();
  const router = useRouter();
  const [draft, setDraft] = useState<VehicleDraft>(initial ?? blankVehicle);
  const [chosenOwner, setChosenOwner] = useState<OwnerChoice | null>(owner);
  const [foreignVin, setForeignVin] = useState(false);
  const [offerCorrection, setOfferCorrection] = useState(false);
  const [correctsMileage, setCorrectsMileage] = useState(false);
  const [local, setLocal] = useState<FieldErrors>({});
  const [vinNote, setVinNote] = useState<string | null>(null);
  // The VIN being decoded (a late answer for an older VIN is dropped) and what the last
  // decode wrote (a new decode may replace that, never what the user typed).
  const decoding = useRef<string | null>(null);
  const lastFill = useRef<DecodedFields | null>(null);
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
  const fields = { ...fieldErrorsFrom(mutation.error), ...local };
  const formError =
    Object.keys(local).length > 0
      ? 'Please fix the highlighted fields.'
      : versioned.conflict
        ? undefined
        : formErrorFrom(mutation.error, fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    save(vehicleValues(draft, chosenOwner), versioned.version);
  }

  /** Saves the form's values; an edit on top of `onVersion`. */
  function save({ ownerId, ownerName: _shown, ...typed }: VehicleValues, onVersion: number) {
    const parsed = parseVehicleDraft(typed, parseId(ownerId));
    if ('problems' in parsed) {
      mutation.reset();
      setLocal(parsed.problems);
      return;
    }
    setLocal({});
    const vin = { vin: typed.vin, ...(foreignVin ? { vinCheckDigit: false } : {}) };
    if (id === undefined) {
      create.mutate({ ...parsed.fields, ...vin });
      return;
    }
    // An unchanged VIN is not sent, so a stored foreign VIN is not checked again.
    update.mutate({
      id,
      version: onVersion,
      ...parsed.fields,
      ...(vinChanged(typed.vin, initial?.vin) ? vin : {}),
      allowMileageDecrease: offerCorrection && correctsMileage,
    });
  }

  const set = (key: keyof VehicleDraft) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  /** Takes the typed VIN; once it is a whole one, asks the API's offline decoder about it. */
  function changeVin(value: string) {
    set('vin')(value);
    const vin = decodableVin(value);
    if (vin === decoding.current) return;
    decoding.current = vin;
    if (vin === null) {
      setVinNote(null);
      return;
    }
    setVinNote('Looking up this VIN…');
    queryClient.fetchQuery(trpc.vehicle.decodeVin.queryOptions({ vin })).then(
      (decoded) => {
        if (decoding.current !== vin) return;
        if (!decoded) {
          setVinNote('This VIN is not in the vehicle data: enter make, model and year yourself.');
          return;
        }
        const fill = { make: decoded.make, model: decoded.model, year: String(decoded.year) };
        const previous = lastFill.current;
        lastFill.current = fill;
        setDraft((current) => applyDecodedVin(current, previous, fill));
        setVinNote(
          `Decoded from the VIN: ${decoded.year} ${decoded.make} ${decoded.model}. Change any of them if they are wrong.`,
        );
      },
      () => {
        // A VIN the API refuses (e.g. its check digit) is reported when the form is saved.
        if (decoding.current === vin) setVinNote(null);
      },
    );
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
        {vinNote}
      </p>
      <CheckboxField
        label="VIN from outside North America"
        name="foreign-vin"
        checked={foreignVin}
        onChange={setForeignVin}
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
        type="number"
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
        type="number"
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
