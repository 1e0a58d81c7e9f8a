'use client';

import { customerCreateInput, customerUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { useFormCheck } from '~/lib/use-form-check';
import { textFields } from '~/lib/version-conflict';
import { useTRPC } from '~/trpc/react';
import { EmailTakenBy } from './email-taken-by';

/** The form's text; an empty string means "none" to the API. */
export interface CustomerDraft {
  name: string;
  email: string;
  phone: string;
  address: string;
  notes: string;
}

const blank: CustomerDraft = { name: '', email: '', phone: '', address: '', notes: '' };

const customerFields = ['name', 'email', 'phone', 'address', 'notes'] as const;
const readCustomer = textFields(customerFields);

/**
 * Create (no id) or edit a customer (at `version`, as loaded); the server's field errors show
 * next to the inputs.
 */
export function CustomerForm({
  id,
  initial,
  version = 0,
}: {
  id?: number;
  initial?: CustomerDraft;
  version?: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<CustomerDraft>(initial ?? blank);
  const onSuccess = (saved: { id: number }) => router.push(`/staff/customers/${saved.id}`);
  const create = useMutation(trpc.customer.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.customer.update.mutationOptions({ onSuccess }));
  const mutation = id === undefined ? create : update;
  const { fields, formError: problems, check } = useFormCheck(mutation, customerFields);
  const save = (values: CustomerDraft, onVersion: number) => {
    if (id === undefined) {
      const input = check(customerCreateInput, values);
      if (input) create.mutate(input);
    } else {
      const input = check(customerUpdateInput, { id, version: onVersion, ...values });
      if (input) update.mutate(input);
    }
  };
  const versioned = useVersionConflict({
    record: { version, values: initial ?? blank },
    values: draft,
    error: update.error,
    read: readCustomer,
    apply: setDraft,
    save,
    dismiss: update.reset,
  });
  const formError = versioned.conflict ? undefined : problems;

  function submit(event: FormEvent) {
    event.preventDefault();
    save(draft, versioned.version);
  }

  const set = (key: keyof CustomerDraft) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  return (
    <form onSubmit={submit} className="card form" noValidate>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <ConflictNotice what="customer" busy={mutation.isPending} {...versioned.notice} />
      <p className="muted">Fields marked * are required.</p>
      <TextField
        label="Name"
        name="name"
        value={draft.name}
        onChange={set('name')}
        error={fields.name}
        autoComplete="name"
        required
      />
      <Theirs conflict={versioned.conflict} field="name" />
      <TextField
        label="Email"
        name="email"
        type="email"
        value={draft.email}
        onChange={set('email')}
        error={fields.email}
        autoComplete="email"
      />
      <EmailTakenBy error={mutation.error} />
      <Theirs conflict={versioned.conflict} field="email" />
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        value={draft.phone}
        onChange={set('phone')}
        error={fields.phone}
        autoComplete="tel"
      />
      <Theirs conflict={versioned.conflict} field="phone" />
      <TextField
        label="Address"
        name="address"
        multiline
        value={draft.address}
        onChange={set('address')}
        error={fields.address}
        autoComplete="street-address"
      />
      <Theirs conflict={versioned.conflict} field="address" />
      <TextField
        label="Notes"
        name="notes"
        multiline
        value={draft.notes}
        onChange={set('notes')}
        error={fields.notes}
        hint="Seen by staff only"
      />
      <Theirs conflict={versioned.conflict} field="notes" />
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : id === undefined ? 'Create customer' : 'Save changes'}
        </button>
        <button type="button" className="secondary" onClick={() => router.back()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
