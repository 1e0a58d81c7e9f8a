'use client';

import type { RouterOutputs } from '@garage/api';
import { workOrderCreateInput } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { Failed, Loading } from '~/components/query-state';
import { TextField } from '~/components/text-field';
import { parseWholeInput } from '~/lib/amount-input';
import { parseId } from '~/lib/ids';
import { useFormCheck } from '~/lib/use-form-check';
import { useShopFormat } from '~/lib/use-shop-format';
import { fromWallClockInput } from '~/lib/zoned-time';
import { useTRPC } from '~/trpc/react';
import { TechnicianSelect } from './technician-select';
import { useWorkOrderWritten } from './use-work-order-written';

type Vehicle = RouterOutputs['vehicle']['byId'];

/**
 * Loads the vehicle (prefetched by the page), then the form to open a work order for it, its
 * concern filled in with `concern` (empty for none).
 */
export function NewWorkOrder({ vehicleId, concern }: { vehicleId: number; concern: string }) {
  const trpc = useTRPC();
  const vehicle = useQuery(trpc.vehicle.byId.queryOptions({ id: vehicleId }));
  if (vehicle.isPending) return <Loading what="vehicle" />;
  if (vehicle.isError) return <Failed error={vehicle.error} retry={() => vehicle.refetch()} />;
  return <NewWorkOrderForm vehicle={vehicle.data} initialConcern={concern} />;
}

/**
 * Opens a work order (an estimate) for the vehicle and its owner now: the concern, the odometer
 * as the car comes in (the vehicle's mileage to start with), a technician and a promised time.
 */
function NewWorkOrderForm({
  vehicle,
  initialConcern,
}: {
  vehicle: Vehicle;
  initialConcern: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const format = useShopFormat();
  const written = useWorkOrderWritten();
  const [concern, setConcern] = useState(initialConcern);
  const [odometerIn, setOdometerIn] = useState(String(vehicle.mileage));
  const [correction, setCorrection] = useState(false);
  const [technician, setTechnician] = useState('');
  const [promised, setPromised] = useState('');
  const create = useMutation(
    trpc.workOrder.create.mutationOptions({
      onSuccess: (workOrder) => {
        written(workOrder);
        router.push(`/staff/work-orders/${workOrder.id}`);
      },
    }),
  );
  const { fields, formError, check } = useFormCheck(create, [
    'concern',
    'odometerIn',
    'technicianId',
    'promisedAt',
  ]);
  const offerCorrection = fields.odometerIn?.includes('lower') ?? false;

  function submit(event: FormEvent) {
    event.preventDefault();
    const reading = parseWholeInput(odometerIn, format.locale);
    const input = check(
      workOrderCreateInput,
      {
        vehicleId: vehicle.id,
        concern,
        odometerIn: 'value' in reading ? reading.value : undefined,
        odometerCorrection: offerCorrection && correction,
        technicianId: parseId(technician) ?? undefined,
        promisedAt: fromWallClockInput(promised, format.timeZone) ?? undefined,
      },
      'problem' in reading ? { odometerIn: reading.problem } : {},
    );
    if (input) create.mutate(input);
  }

  return (
    <form onSubmit={submit} className="card form" noValidate>
      <p>
        For{' '}
        <Link href={`/staff/vehicles/${vehicle.id}`}>
          {vehicle.year} {vehicle.make} {vehicle.model}
        </Link>{' '}
        <span className="plate">{vehicle.plate}</span>, owned by{' '}
        <Link href={`/staff/customers/${vehicle.owner.id}`}>{vehicle.owner.name}</Link>.
      </p>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <TextField
        label="Concern"
        name="concern"
        multiline
        value={concern}
        onChange={setConcern}
        error={fields.concern}
        hint="The customer's words: what is wrong, what they ask for"
        required
      />
      <TextField
        label="Odometer in"
        name="odometerIn"
        inputMode="numeric"
        value={odometerIn}
        onChange={setOdometerIn}
        error={fields.odometerIn}
        hint="Miles on the odometer as the car comes in"
        required
      />
      {offerCorrection ? (
        <CheckboxField
          label="This corrects a wrongly recorded mileage"
          name="odometer-correction"
          checked={correction}
          onChange={setCorrection}
          hint="An odometer only goes up; tick this to record a lower reading anyway"
        />
      ) : null}
      <TechnicianSelect
        value={technician}
        onChange={setTechnician}
        noneLabel="Unassigned"
        error={fields.technicianId}
      />
      <TextField
        label="Promised"
        name="promisedAt"
        type="datetime-local"
        value={promised}
        onChange={setPromised}
        error={fields.promisedAt}
        hint={`When the customer can have the car back, shop time (${format.timeZone})`}
      />
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Opening…' : 'Open work order'}
        </button>
        <button type="button" className="secondary" onClick={() => router.back()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
