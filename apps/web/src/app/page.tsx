import { redirect } from 'next/navigation';
import { homeFor } from '~/lib/roles';
import { getSessionUser } from '~/lib/session';

/** Sends a signed-in user to the start page of their role, anyone else to sign in. */
export default async function HomePage() {
  const user = await getSessionUser();
  redirect(user ? homeFor(user.role) : '/sign-in');
}
