'use client';

import type { RouterOutputs } from '@garage/api';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { PickerOptions } from '~/components/picker-options';
import { TextField } from '~/components/text-field';
import { useDebouncedValue } from '~/lib/debounce';
import { fieldMessage } from '~/lib/field-errors';
import { useTRPC } from '~/trpc/react';

/** A vehicle's owner as the API names one (vehicle rows carry it). */
export type OwnerChoice = RouterOutputs['vehicle']['list']['items'][number]['owner'];

/** Chooses a vehicle's owner by searching customers as you type; results are buttons. */
export function OwnerPicker({
  value,
  onChange,
  error,
  legend = 'Owner',
  required = true,
}: {
  value: OwnerChoice | null;
  onChange: (owner: OwnerChoice) => void;
  error?: string | undefined;
  legend?: string;
  required?: boolean;
}) {
  const trpc = useTRPC();
  const errorId = useId();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    ...trpc.customer.list.queryOptions({ search: debounced, limit: 8 }),
    enabled: debounced.length > 0,
  });
  const choose = (owner: OwnerChoice) => {
    onChange(owner);
    setSearch('');
  };
  return (
    <fieldset className="field owner-picker" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <p role="status" className="owner-current">
        {value ? (
          <>
            {legend}: <strong>{value.name}</strong>
          </>
        ) : (
          `No ${legend.toLowerCase()} chosen yet.`
        )}
      </p>
      <TextField
        label={value ? `Find another ${legend.toLowerCase()}` : `Find ${legend.toLowerCase()}`}
        name="owner-search"
        type="search"
        value={search}
        onChange={setSearch}
        hint="Type part of a name, email or phone, then pick from the list"
      />
      <p id={errorId} className="field-error" aria-live="polite">
        {fieldMessage(legend, error)}
      </p>
      <PickerOptions
        search={debounced}
        results={results}
        noun={['customer', 'customers']}
        label={(customer) => (
          <>
            {customer.name} <span className="muted">{customer.email ?? customer.phone ?? ''}</span>
          </>
        )}
        chosenId={value?.id}
        onChoose={(customer) => choose({ id: customer.id, name: customer.name })}
      />
    </fieldset>
  );
}
