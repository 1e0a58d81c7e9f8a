'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useWorkOrderWritten } from '~/components/work-orders/use-work-order-written';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { sentence } from '~/lib/format';
import { tooLargeToShow } from '~/lib/money-of';
import { useShopFormat } from '~/lib/use-shop-format';
import { useTRPC } from '~/trpc/react';

type Reminder = RouterOutputs['reminder']['dueSoon']['items'][number];

/**
 * A due-soon row's saved job for its service, priced in the shop's currency (tax included, as
 * the work order will total it): one click puts it on the vehicle's open work order, or opens
 * one for the service, and goes there.
 */
export function OfferedSavedJob({
  reminder,
  job,
}: {
  reminder: Reminder;
  job: NonNullable<Reminder['savedJob']>;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const format = useShopFormat();
  const written = useWorkOrderWritten();
  const insert = useMutation(
    trpc.reminder.insertSavedJob.mutationOptions({
      onSuccess: ({ opened: _opened, recordedReading: _reading, ...workOrder }) => {
        written(workOrder);
        router.push(`/staff/work-orders/${workOrder.id}`);
      },
    }),
  );
  const fields = fieldErrorsFrom(insert.error);
  const problem = fields.savedJobId
    ? `${sentence(job.name)} ${fields.savedJobId}.`
    : formErrorFrom(insert.error, fields);
  const price = job.totalCents === null ? tooLargeToShow : format.money(job.totalCents);
  return (
    <div className="offered-job">
      <span>
        {/* The job is named as the service is (service-match.ts): its price says enough. */}
        Saved job: <strong>{price}</strong> <small className="muted">incl. tax</small>
      </span>{' '}
      <button
        type="button"
        disabled={insert.isPending}
        aria-label={`Add ${job.name} (${price}) for ${reminder.vehicle.plate}`}
        onClick={() => insert.mutate({ reminderId: reminder.id, savedJobId: job.id })}
      >
        {insert.isPending ? 'Adding…' : 'Add to work order'}
      </button>
      {problem ? (
        <p role="alert" className="form-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
