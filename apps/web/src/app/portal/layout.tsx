import type { ReactNode } from 'react';
import { Refused } from '~/components/refused';
import { requireArea } from '~/lib/session';

/** Checks the role on the server (auth.me with the request's cookie) before any portal page renders. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const access = await requireArea('portal', '/portal');
  if (access.kind === 'refused') return <Refused role={access.user.role} area="portal" />;
  return children;
}
