'use client';

import type { RouterOutputs } from '@garage/api';
import { sendMessageInput } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Failed, Loading } from '~/components/query-state';
import { TextField } from '~/components/text-field';
import { Timestamp } from '~/components/timestamp';
import { formErrorFrom } from '~/lib/field-errors';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useTRPC } from '~/trpc/react';
import { MessageTable } from './message-table';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Messages = RouterOutputs['message']['forWorkOrder'];

/** Why messages to this customer would not go, before anyone sends one. */
function Reach({ reach }: { reach: Messages['reach'] }) {
  if (!reach?.email) {
    return (
      <p className="notice">
        The customer has no email on file: messages are kept as not sent. Add one on their page.
      </p>
    );
  }
  return (
    <p className="muted">
      Messages go to {reach.email}
      {reach.remindersOptOut ? ' (no service reminders: they opted out)' : ''}.
    </p>
  );
}

/** Sends the estimate link: the customer approves or declines each line from the mail. */
function EstimateReady({ workOrderId }: { workOrderId: number }) {
  const trpc = useTRPC();
  const send = useMutation(trpc.message.estimateReady.mutationOptions());
  return (
    <div className="actions">
      <button type="button" onClick={() => send.mutate({ workOrderId })} disabled={send.isPending}>
        {send.isPending ? 'Sending…' : 'Estimate ready: send for approval'}
      </button>
      {send.error ? (
        <p role="alert" className="form-error">
          {formErrorFrom(send.error, {}, [])}
        </p>
      ) : null}
    </div>
  );
}

/** A message staff write by hand to the work order's customer. */
function SendMessage({ workOrderId }: { workOrderId: number }) {
  const trpc = useTRPC();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const send = useMutation(
    trpc.message.send.mutationOptions({
      onSuccess: (result) => {
        setSubject('');
        setBody('');
        setSent(result.message?.status === 'not_sent' ? 'Kept, not sent.' : 'Queued.');
      },
    }),
  );
  const checked = useFormMutation(send, { initial: {}, fields: ['subject', 'body'] });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const input = checked.check(sendMessageInput, { workOrderId, subject, body });
    if (input) send.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Send a message">
      <h3>Send a message</h3>
      {checked.formError ? (
        <p role="alert" className="form-error">
          {checked.formError}
        </p>
      ) : null}
      <TextField
        label="Subject"
        name="subject"
        value={subject}
        onChange={setSubject}
        error={checked.fields.subject}
      />
      <TextField
        label="Message"
        name="body"
        value={body}
        onChange={setBody}
        multiline
        error={checked.fields.body}
      />
      <div className="actions">
        <button type="submit" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send'}
        </button>
      </div>
      <p role="status">{sent}</p>
    </form>
  );
}

/** The estimate links sent, and a way to stop them opening the work order. */
function Links({ data }: { data: Messages }) {
  const trpc = useTRPC();
  const revoke = useMutation(trpc.message.revokeLinks.mutationOptions());
  const open = data.links.filter((link) => link.revokedAt === null);
  if (data.links.length === 0) return null;
  return (
    <p className="muted">
      Estimate link sent <Timestamp at={data.links[0]?.createdAt ?? new Date()} />
      {open.length > 0 ? (
        <>
          , open until <Timestamp at={open[0]?.expiresAt ?? new Date()} />.{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => revoke.mutate({ workOrderId: data.workOrderId })}
            disabled={revoke.isPending}
          >
            Stop the link working
          </button>
        </>
      ) : (
        ', no longer open.'
      )}
    </p>
  );
}

/**
 * A work order's messages to its customer, live (queued, sent, failed, with times), the
 * estimate link, and sending by hand.
 */
export function WorkOrderMessages({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.message.forWorkOrder.queryOptions({ workOrderId: workOrder.id }));
  return (
    <section className="card screen-only" aria-labelledby="messages-title">
      <h2 id="messages-title">Messages to the customer</h2>
      {query.isPending ? <Loading what="messages" /> : null}
      {query.isError ? <Failed error={query.error} retry={() => query.refetch()} /> : null}
      {query.data ? (
        <>
          <Reach reach={query.data.reach} />
          {workOrder.awaitingApproval ? <EstimateReady workOrderId={workOrder.id} /> : null}
          <Links data={query.data} />
          <MessageTable messages={query.data.messages} />
        </>
      ) : null}
      <SendMessage workOrderId={workOrder.id} />
    </section>
  );
}
