import type { ReactNode } from 'react';
import { Refused } from '~/components/refused';
import { requireArea } from '~/lib/session';

/** Checks the role on the server (auth.me with the request's cookie) before any staff page renders. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const access = await requireArea('staff', '/staff');
  if (access.kind === 'refused') return <Refused role={access.user.role} area="staff" />;
  return children;
}
