import type { ReactNode } from 'react';
import { Refused } from '~/components/refused';
import { requireArea } from '~/lib/session';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

/**
 * Checks the role on the server (auth.me with the request's cookie) before any portal page
 * renders, then hands every page the shop's profile: money and times are formatted with it.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const access = await requireArea('portal', '/portal');
  if (access.kind === 'refused') return <Refused role={access.user.role} area="portal" />;
  await getQueryClient().prefetchQuery(trpc.settings.shop.queryOptions());
  return <HydrateClient>{children}</HydrateClient>;
}
