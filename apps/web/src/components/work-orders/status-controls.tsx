'use client';

import type { RouterOutputs } from '@garage/api';
import { setStatusInput } from '@garage/validators';
import { useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { FormError } from '~/components/form-error';
import { TextField } from '~/components/text-field';
import { parseWholeInput } from '~/lib/amount-input';
import { formatMileage } from '~/lib/format';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { moveLabels, statusLabels, type WorkOrderStatus } from '~/lib/work-order-words';
import { useSetStatus } from './use-set-status';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * A button for each move the API allows now (its `nextStatuses`), cancelling behind a
 * confirmation. Moving to ready asks for the odometer as the car leaves (optional); a reading
 * below the vehicle's mileage is refused unless staff say it corrects one.
 */
export function StatusControls({ workOrder }: { workOrder: WorkOrder }) {
  const setStatus = useSetStatus();
  const format = useShopFormat();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const form = useFormMutation(setStatus, {
    initial: {
      odometerOut: workOrder.odometerOut === null ? '' : String(workOrder.odometerOut),
      correction: false,
    },
    fields: ['odometerOut'],
  });
  const { odometerOut, correction } = form.draft;
  const asksOdometer = workOrder.nextStatuses.includes('ready');
  const offerCorrection = form.fields.odometerOut?.includes('lower') ?? false;

  const move = (status: WorkOrderStatus) => {
    // The odometer out goes with "Mark ready" only, and only when one is typed.
    const sendsOdometer = status === 'ready' && odometerOut.trim() !== '';
    const reading = sendsOdometer ? parseWholeInput(odometerOut, format.locale) : null;
    const input = form.check(
      setStatusInput,
      {
        id: workOrder.id,
        status,
        ...(reading && 'value' in reading
          ? { odometerOut: reading.value, odometerCorrection: correction }
          : {}),
      },
      reading && 'problem' in reading ? { odometerOut: reading.problem } : {},
    );
    if (input) setStatus.mutate(input, { onSettled: () => setConfirmCancel(false) });
  };
  const moves = workOrder.nextStatuses;
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">Status: {statusLabels[workOrder.status]}</h2>
      <FormError>{form.formError}</FormError>
      {asksOdometer ? (
        <>
          <TextField
            label="Odometer out"
            name="odometerOut"
            inputMode="numeric"
            {...form.field('odometerOut')}
            hint={`Miles as the car leaves, sent with "Mark ready" (in: ${formatMileage(workOrder.odometerIn)})`}
          />
          {offerCorrection ? (
            <CheckboxField
              label="This corrects a wrongly recorded mileage"
              name="odometer-correction"
              checked={correction}
              onChange={form.set('correction')}
            />
          ) : null}
        </>
      ) : null}
      {moves.length === 0 ? (
        <p className="muted">No move is open to staff from here.</p>
      ) : (
        <div className="actions">
          {moves.map((status) => (
            <button
              key={status}
              type="button"
              className={status === 'cancelled' ? 'danger' : undefined}
              disabled={setStatus.isPending}
              onClick={() => (status === 'cancelled' ? setConfirmCancel(true) : move(status))}
            >
              {setStatus.isPending && setStatus.variables?.status === status
                ? 'Moving…'
                : moveLabels[status]}
            </button>
          ))}
        </div>
      )}
      <ConfirmDialog
        open={confirmCancel}
        title={`Cancel ${workOrder.number}?`}
        confirmLabel="Cancel work order"
        busy={setStatus.isPending}
        onConfirm={() => move('cancelled')}
        onCancel={() => setConfirmCancel(false)}
      >
        <p>A cancelled work order can no longer change.</p>
      </ConfirmDialog>
    </section>
  );
}
