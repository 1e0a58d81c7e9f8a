'use client';

import type { RouterOutputs } from '@garage/api';
import { useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { TextField } from '~/components/text-field';
import { parseWholeInput } from '~/lib/amount-input';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { formatMileage } from '~/lib/format';
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
  const [odometerOut, setOdometerOut] = useState(
    workOrder.odometerOut === null ? '' : String(workOrder.odometerOut),
  );
  const [correction, setCorrection] = useState(false);
  const [localError, setLocalError] = useState<string | undefined>();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const fields = fieldErrorsFrom(setStatus.error);
  const asksOdometer = workOrder.nextStatuses.includes('ready');
  const offerCorrection = fields.odometerOut?.includes('lower') ?? false;

  const move = (status: WorkOrderStatus) => {
    setLocalError(undefined);
    if (status === 'ready' && odometerOut.trim() !== '') {
      const reading = parseWholeInput(odometerOut);
      if ('problem' in reading) {
        setLocalError(reading.problem);
        return;
      }
      setStatus.mutate({
        id: workOrder.id,
        status,
        odometerOut: reading.value,
        odometerCorrection: correction,
      });
      return;
    }
    setStatus.mutate({ id: workOrder.id, status }, { onSettled: () => setConfirmCancel(false) });
  };
  const moves = workOrder.nextStatuses;
  const odometerError = localError ?? fields.odometerOut;
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">Status: {statusLabels[workOrder.status]}</h2>
      <p role="alert" className="form-error">
        {localError
          ? 'Please fix the highlighted field.'
          : formErrorFrom(setStatus.error, fields, ['odometerOut'])}
      </p>
      {asksOdometer ? (
        <>
          <TextField
            label="Odometer out"
            name="odometerOut"
            inputMode="numeric"
            value={odometerOut}
            onChange={setOdometerOut}
            error={odometerError}
            hint={`Miles as the car leaves, sent with "Mark ready" (in: ${formatMileage(workOrder.odometerIn)})`}
          />
          {offerCorrection ? (
            <CheckboxField
              label="This corrects a wrongly recorded mileage"
              name="odometer-correction"
              checked={correction}
              onChange={setCorrection}
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
