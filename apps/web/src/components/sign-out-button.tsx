'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '~/trpc/react';

/** Ends the session, forgets every cached query and goes to the sign-in page. */
export function SignOutButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        router.push('/sign-in');
        router.refresh();
      },
    }),
  );
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => logout.mutate()}
      disabled={logout.isPending}
    >
      {logout.isPending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
