import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { showDemoAccounts } from '~/env';
import { demoAccounts, demoPassword } from '~/lib/demo-accounts';
import { landingFor } from '~/lib/roles';
import { getSessionUser } from '~/lib/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

/** Sign-in page; outside production (or with SHOW_DEMO_ACCOUNTS=true) it lists the demo accounts. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const raw = (await searchParams).next;
  const next = typeof raw === 'string' ? raw : undefined;
  const user = await getSessionUser();
  if (user) redirect(landingFor(user.role, next));
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <SignInForm
        next={next}
        demo={showDemoAccounts ? { accounts: demoAccounts, password: demoPassword } : null}
      />
    </section>
  );
}
