import type { ReactNode } from 'react';
import { Refused } from '~/components/refused';
import { requireArea } from '~/lib/session';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

/**
 * Checks the role on the server (auth.me with the request's cookie) before any staff page
 * renders, then hands every page the shop's settings: money and times are formatted with them.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const access = await requireArea('staff', '/staff');
  if (access.kind === 'refused') return <Refused role={access.user.role} area="staff" />;
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.settings.get.queryOptions()),
    queryClient.prefetchQuery(trpc.settings.shop.queryOptions()),
  ]);
  return <HydrateClient>{children}</HydrateClient>;
}
