'use client';

import { customerCreateInput, customerUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { CancelButton } from '~/components/cancel-button';
import { FormError } from '~/components/form-error';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { useFormMutation } from '~/lib/use-form-mutation';
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
  initial = blank,
  version = 0,
}: {
  id?: number;
  initial?: CustomerDraft;
  version?: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const onSuccess = (saved: { id: number }) => router.push(`/staff/customers/${saved.id}`);
  const create = useMutation(trpc.customer.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.customer.update.mutationOptions({ onSuccess }));
  const mutation = id === undefined ? create : update;
  const form = useFormMutation(mutation, { initial, fields: customerFields });
  const save = (values: CustomerDraft, onVersion: number) =>
    id === undefined
      ? form.send(create.mutate, customerCreateInput, values)
      : form.send(update.mutate, customerUpdateInput, { id, version: onVersion, ...values });
  const versioned = useVersionConflict({
    record: { version, values: initial },
    values: form.draft,
    error: update.error,
    read: readCustomer,
    apply: form.setDraft,
    save,
    dismiss: update.reset,
  });
  const theirs = (field: keyof CustomerDraft) => (
    <Theirs conflict={versioned.conflict} field={field} />
  );
  return (
    <form
      onSubmit={form.onSubmit(() => save(form.draft, versioned.version))}
      className="card form"
      noValidate
    >
      <FormError>{versioned.conflict ? undefined : form.formError}</FormError>
      <ConflictNotice what="customer" busy={form.busy} {...versioned.notice} />
      <p className="muted">Fields marked * are required.</p>
      <TextField label="Name" name="name" {...form.field('name')} autoComplete="name" required />
      {theirs('name')}
      <TextField
        label="Email"
        name="email"
        type="email"
        {...form.field('email')}
        autoComplete="email"
      />
      <EmailTakenBy error={mutation.error} />
      {theirs('email')}
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        {...form.field('phone')}
        autoComplete="tel"
      />
      {theirs('phone')}
      <TextField
        label="Address"
        name="address"
        multiline
        {...form.field('address')}
        autoComplete="street-address"
      />
      {theirs('address')}
      <TextField
        label="Notes"
        name="notes"
        multiline
        {...form.field('notes')}
        hint="Seen by staff only"
      />
      {theirs('notes')}
      <div className="actions">
        <SubmitButton busy={form.busy}>
          {id === undefined ? 'Create customer' : 'Save changes'}
        </SubmitButton>
        <CancelButton />
      </div>
    </form>
  );
}
