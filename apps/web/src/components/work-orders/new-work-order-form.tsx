'use client';

import type { RouterOutputs } from '@garage/api';
import { workOrderCreateInput } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { CancelButton } from '~/components/cancel-button';
import { CheckboxField } from '~/components/checkbox-field';
import { FormError } from '~/components/form-error';
import { Loaded } from '~/components/query-state';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { parseWholeInput } from '~/lib/amount-input';
import type { FieldErrors } from '~/lib/field-errors';
import { parseId } from '~/lib/ids';
import { useFormMutation } from '~/lib/use-form-mutation';
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
  const query = useQuery(trpc.vehicle.byId.queryOptions({ id: vehicleId }));
  return (
    <Loaded query={query} what="vehicle">
      {(vehicle) => <NewWorkOrderForm vehicle={vehicle} initialConcern={concern} />}
    </Loaded>
  );
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
  const create = useMutation(
    trpc.workOrder.create.mutationOptions({
      onSuccess: (workOrder) => {
        written(workOrder);
        router.push(`/staff/work-orders/${workOrder.id}`);
      },
    }),
  );
  const form = useFormMutation(create, {
    initial: {
      concern: initialConcern,
      odometerIn: String(vehicle.mileage),
      correction: false,
      technician: '',
      promised: '',
    },
    fields: ['concern', 'odometerIn', 'technicianId', 'promisedAt'],
  });
  const { draft } = form;
  const offerCorrection = form.fields.odometerIn?.includes('lower') ?? false;

  function submit() {
    const reading = parseWholeInput(draft.odometerIn, format.locale);
    const input = {
      vehicleId: vehicle.id,
      concern: draft.concern,
      odometerIn: 'value' in reading ? reading.value : undefined,
      odometerCorrection: offerCorrection && draft.correction,
      technicianId: parseId(draft.technician) ?? undefined,
      promisedAt: fromWallClockInput(draft.promised, format.timeZone) ?? undefined,
    };
    const unread: FieldErrors = 'problem' in reading ? { odometerIn: reading.problem } : {};
    form.send(create.mutate, workOrderCreateInput, input, { unread });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} className="card form" noValidate>
      <p>
        For{' '}
        <Link href={`/staff/vehicles/${vehicle.id}`}>
          {vehicle.year} {vehicle.make} {vehicle.model}
        </Link>{' '}
        <span className="plate">{vehicle.plate}</span>, owned by{' '}
        <Link href={`/staff/customers/${vehicle.owner.id}`}>{vehicle.owner.name}</Link>.
      </p>
      <FormError>{form.formError}</FormError>
      <TextField
        label="Concern"
        name="concern"
        multiline
        {...form.field('concern')}
        hint="The customer's words: what is wrong, what they ask for"
        required
      />
      <TextField
        label="Odometer in"
        name="odometerIn"
        inputMode="numeric"
        {...form.field('odometerIn')}
        hint="Miles on the odometer as the car comes in"
        required
      />
      {offerCorrection ? (
        <CheckboxField
          label="This corrects a wrongly recorded mileage"
          name="odometer-correction"
          checked={draft.correction}
          onChange={form.set('correction')}
          hint="An odometer only goes up; tick this to record a lower reading anyway"
        />
      ) : null}
      <TechnicianSelect {...form.field('technician', 'technicianId')} noneLabel="Unassigned" />
      <TextField
        label="Promised"
        name="promisedAt"
        type="datetime-local"
        {...form.field('promised', 'promisedAt')}
        hint={`When the customer can have the car back, shop time (${format.timeZone})`}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Opening…">
          Open work order
        </SubmitButton>
        <CancelButton />
      </div>
    </form>
  );
}
