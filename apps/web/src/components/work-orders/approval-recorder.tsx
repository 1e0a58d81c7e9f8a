'use client';

import type { RouterOutputs } from '@garage/api';
import { decideLinesInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '~/components/form-error';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { moneyIn } from '~/lib/money-of';
import { useFormMutation } from '~/lib/use-form-mutation';
import {
  channelLabels,
  doneSaying,
  isStaffChannel,
  type LineApproval,
  type StaffChannel,
  staffChannels,
} from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];

const channelOptions = staffChannels.map((channel) => ({
  value: channel,
  label: `The customer told us ${channelLabels[channel]}`,
}));

const choices: { value: LineApproval; label: string }[] = [
  { value: 'approved', label: 'Approve' },
  { value: 'declined', label: 'Decline' },
  { value: 'pending', label: 'No answer yet' },
];

/**
 * Records the customer's decision on each line on their behalf ("approved by phone"): per line
 * approve or decline, and how we heard it. Only the lines whose choice changed are sent; the API
 * records who and when, and approves an estimate once every line is decided. Once work has
 * started a decided line is final (the API says which: `decidable`), so only lines still
 * pending can be chosen.
 */
export function ApprovalRecorder({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const money = moneyIn(workOrder.money);
  const written = useWorkOrderWritten();
  const [recorded, setRecorded] = useState<string | null>(null);
  const decide = useMutation(
    trpc.workOrder.decideLines.mutationOptions({
      onSuccess: (result) => {
        written(result);
        setRecorded(doneSaying('Recorded', result.statusMove));
      },
    }),
  );
  // Only the choices staff changed; every other line shows its recorded decision.
  const initial: { choice: Record<number, LineApproval>; channel: StaffChannel } = {
    choice: {},
    channel: 'phone',
  };
  const form = useFormMutation(decide, { initial, fields: ['channel'] });
  const { choice, channel } = form.draft;

  function submit() {
    setRecorded(null);
    const decisions = workOrder.lines.flatMap((line) => {
      const chosen = choice[line.id] ?? line.approval;
      return chosen !== line.approval && chosen !== 'pending'
        ? [{ lineId: line.id, approved: chosen === 'approved' }]
        : [];
    });
    const input = { workOrderId: workOrder.id, decisions, channel };
    // Recorded, the lines show their new decisions: no choice is left over; the channel stays.
    form.send(decide.mutate, decideLinesInput, input, {
      saved: () => form.reset({ choice: {}, channel }),
    });
  }

  // No line changed: the schema's "must decide at least one line", in the words of this form.
  const formError = form.fields.decisions?.startsWith('must decide at least')
    ? 'Choose Approve or Decline for at least one line that has changed.'
    : form.formError;
  return (
    <section className="card" aria-labelledby="approval-title">
      <h2 id="approval-title">Customer's decision</h2>
      <form onSubmit={form.onSubmit(submit)} noValidate aria-labelledby="approval-title">
        <p className="muted">
          Record what the customer said about each line. A line added later waits for a decision
          again.
        </p>
        <FormError>{formError}</FormError>
        {workOrder.lines.map((line) => (
          <fieldset key={line.id} className="field decision">
            <legend>
              {line.description} <span className="muted">({money(line.totalCents)})</span>
              {line.decidable ? null : (
                <span className="muted"> · final now that work has started</span>
              )}
            </legend>
            {choices.map((option) => (
              <label key={option.value}>
                <input
                  type="radio"
                  name={`decision-${line.id}`}
                  value={option.value}
                  checked={(choice[line.id] ?? line.approval) === option.value}
                  disabled={
                    !line.decidable || (option.value === 'pending' && line.approval !== 'pending')
                  }
                  onChange={() =>
                    form.setDraft((current) => ({
                      ...current,
                      choice: { ...current.choice, [line.id]: option.value },
                    }))
                  }
                />{' '}
                {option.label}
              </label>
            ))}
          </fieldset>
        ))}
        <SelectField
          label="How"
          name="channel"
          value={channel}
          options={channelOptions}
          onChange={(value) => {
            if (isStaffChannel(value)) form.set('channel')(value);
          }}
          error={form.fields.channel}
        />
        <div className="actions">
          <SubmitButton busy={form.busy} busyLabel="Recording…">
            Record decision
          </SubmitButton>
        </div>
        <p role="status">{recorded}</p>
      </form>
    </section>
  );
}
