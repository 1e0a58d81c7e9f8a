'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { CheckboxField } from '~/components/checkbox-field';
import { Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { MessageTable } from './message-table';

/** A customer's messages (live), whether they can be reached, and their opt-outs. */
export function CustomerMessages({ customerId }: { customerId: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.message.forCustomer.queryOptions({ customerId }));
  const choose = useMutation(trpc.message.setPreferences.mutationOptions());
  return (
    <section className="card" aria-labelledby="customer-messages-title">
      <h2 id="customer-messages-title">Messages</h2>
      {query.isPending ? <Loading what="messages" /> : null}
      {query.isError ? <Failed error={query.error} retry={() => query.refetch()} /> : null}
      {query.data ? (
        <>
          {query.data.reach.email ? null : (
            <p className="notice">No email on file: messages to this customer are not sent.</p>
          )}
          <CheckboxField
            label="No reminders"
            name="remindersOptOut"
            checked={query.data.reach.remindersOptOut}
            onChange={(checked) => choose.mutate({ customerId, remindersOptOut: checked })}
            hint="Service-due and appointment reminders. Estimates, pick-up, invoices and appointment confirmations follow the shop's settings."
          />
          <CheckboxField
            label="No marketing messages"
            name="marketingOptOut"
            checked={query.data.reach.marketingOptOut}
            onChange={(checked) => choose.mutate({ customerId, marketingOptOut: checked })}
          />
          {choose.error ? (
            <p role="alert" className="form-error">
              {choose.error.message}
            </p>
          ) : null}
          <MessageTable messages={query.data.messages} />
        </>
      ) : null}
    </section>
  );
}
