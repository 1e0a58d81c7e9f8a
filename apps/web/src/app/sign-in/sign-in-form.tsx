'use client';

import { signInInput } from '@garage/validators';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { FormError } from '~/components/form-error';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { landingFor } from '~/lib/roles';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useTRPC } from '~/trpc/react';
import { DemoAccounts, type DemoList } from './demo-accounts';

/** Email + password form; on success goes to `next` (if the role may open it) or its start page. */
export function SignInForm({ next, demo }: { next: string | undefined; demo: DemoList | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (user) => {
        // Nothing cached for the previous visitor may show to this one.
        queryClient.clear();
        router.push(landingFor(user.role, next));
        router.refresh();
      },
    }),
  );
  const form = useFormMutation(login, {
    initial: { email: '', password: '' },
    fields: ['email', 'password'],
  });

  return (
    <>
      <form
        onSubmit={form.onSubmit(() => form.send(login.mutate, signInInput, form.draft))}
        className="card form"
        noValidate
      >
        <FormError>{form.formError}</FormError>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          {...form.field('email')}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
          required
        />
        <SubmitButton busy={form.busy || login.isSuccess} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      {demo ? (
        <DemoAccounts
          demo={demo}
          onPick={(email) => form.setDraft({ email, password: demo.password })}
        />
      ) : null}
    </>
  );
}
