'use client';

import { signInInput } from '@garage/validators';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { TextField } from '~/components/text-field';
import { landingFor } from '~/lib/roles';
import { useFormCheck } from '~/lib/use-form-check';
import { useTRPC } from '~/trpc/react';
import { DemoAccounts, type DemoList } from './demo-accounts';

/** Email + password form; on success goes to `next` (if the role may open it) or its start page. */
export function SignInForm({ next, demo }: { next: string | undefined; demo: DemoList | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
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
  const { fields, formError, check } = useFormCheck(login, ['email', 'password']);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check(signInInput, { email, password });
    if (input) login.mutate(input);
  }

  return (
    <>
      <form onSubmit={submit} className="card form" noValidate>
        <p role="alert" className="form-error">
          {formError}
        </p>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={fields.email}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fields.password}
          required
        />
        <button type="submit" disabled={login.isPending || login.isSuccess}>
          {login.isPending || login.isSuccess ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {demo ? (
        <DemoAccounts
          demo={demo}
          onPick={(account) => {
            setEmail(account);
            setPassword(demo.password);
          }}
        />
      ) : null}
    </>
  );
}
