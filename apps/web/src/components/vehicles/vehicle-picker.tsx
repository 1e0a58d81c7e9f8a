'use client';

import type { RouterOutputs } from '@garage/api';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { PickerOptions } from '~/components/picker-options';
import { TextField } from '~/components/text-field';
import { useDebouncedValue } from '~/lib/debounce';
import { fieldMessage } from '~/lib/field-errors';
import { useTRPC } from '~/trpc/react';

/** A vehicle as the picker names it (vehicle rows and a vehicle's own answer both carry this). */
export type VehicleChoice = Pick<
  RouterOutputs['vehicle']['byId'],
  'id' | 'year' | 'make' | 'model' | 'plate' | 'owner'
>;

/** How the front desk names a car on the phone: year, make, model, plate and owner. */
export function vehicleLabel(vehicle: VehicleChoice) {
  return `${vehicle.year} ${vehicle.make} ${vehicle.model} (${vehicle.plate}), ${vehicle.owner.name}`;
}

/**
 * Chooses a vehicle the way a caller describes it, searching plate, VIN, make, model and the
 * owner's name as you type; results are buttons. The OwnerPicker's twin, for vehicles.
 */
export function VehiclePicker({
  value,
  onChange,
  error,
  hint,
}: {
  value: VehicleChoice | null;
  onChange: (vehicle: VehicleChoice | null) => void;
  error?: string | undefined;
  hint: string;
}) {
  const trpc = useTRPC();
  const errorId = useId();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    ...trpc.vehicle.list.queryOptions({ search: debounced, limit: 8 }),
    enabled: debounced.length > 0,
  });
  const choose = (vehicle: VehicleChoice) => {
    onChange(vehicle);
    setSearch('');
  };
  return (
    <fieldset className="field vehicle-picker" aria-describedby={error ? errorId : undefined}>
      <legend>Vehicle</legend>
      <p role="status" className="owner-current">
        {value ? (
          <>
            Vehicle: <strong>{vehicleLabel(value)}</strong>{' '}
            <button type="button" className="link" onClick={() => onChange(null)}>
              Clear
            </button>
          </>
        ) : (
          'No vehicle chosen yet.'
        )}
      </p>
      <TextField
        label={value ? 'Find another vehicle' : 'Find the vehicle'}
        name="vehicle-search"
        type="search"
        value={search}
        onChange={setSearch}
        hint={hint}
      />
      <p id={errorId} className="field-error" aria-live="polite">
        {fieldMessage('Vehicle', error)}
      </p>
      <PickerOptions
        search={debounced}
        results={results}
        noun={['vehicle', 'vehicles']}
        label={vehicleLabel}
        chosenId={value?.id}
        onChoose={choose}
      />
    </fieldset>
  );
}
