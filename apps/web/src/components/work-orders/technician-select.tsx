'use client';

import { useQuery } from '@tanstack/react-query';
import { SelectField } from '~/components/select-field';
import { useTRPC } from '~/trpc/react';

/**
 * Picks one of the shop's technicians (workOrder.technicians) by id; the value is the id as
 * text, '' for the first option (`noneLabel`: nobody, or any, as the caller means it).
 */
export function TechnicianSelect({
  value,
  onChange,
  noneLabel,
  label = 'Technician',
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  noneLabel: string;
  label?: string;
  error?: string | undefined;
}) {
  const trpc = useTRPC();
  const technicians = useQuery(trpc.workOrder.technicians.queryOptions());
  const options = [
    { value: '', label: noneLabel },
    ...(technicians.data ?? []).map((technician) => ({
      value: String(technician.id),
      label: technician.name,
    })),
  ];
  return (
    <SelectField
      label={label}
      name="technician"
      value={value}
      options={options}
      onChange={onChange}
      error={
        error ?? (technicians.isError ? `could not load: ${technicians.error.message}` : undefined)
      }
      hint={technicians.isPending ? 'Loading technicians…' : undefined}
    />
  );
}
