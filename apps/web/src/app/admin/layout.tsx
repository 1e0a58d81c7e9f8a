import type { ReactNode } from 'react';
import { Refused } from '~/components/refused';
import { requireArea } from '~/lib/session';

/** Checks the role on the server (auth.me with the request's cookie) before any admin page renders. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const access = await requireArea('admin', '/admin');
  if (access.kind === 'refused') return <Refused role={access.user.role} area="admin" />;
  return children;
}
