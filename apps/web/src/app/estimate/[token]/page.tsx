import type { Metadata } from 'next';
import { EstimateApproval } from '~/components/messages/estimate-approval';

// The token is in the address: no page it links to learns it.
export const metadata: Metadata = { title: 'Your estimate', referrer: 'no-referrer' };

/**
 * An estimate link from a message: its one work order's approval page, signed in or not. The
 * token opens this page and nothing else; signing in is offered, not asked.
 */
export default async function EstimatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <section className="narrow">
      <EstimateApproval token={token} />
    </section>
  );
}
