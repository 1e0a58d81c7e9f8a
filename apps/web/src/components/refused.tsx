import Link from 'next/link';
import { type Area, homeFor, type Role } from '~/lib/roles';

const audience: Record<Area, string> = {
  staff: 'garage staff',
  admin: 'administrators',
  portal: 'customers',
};

/** Shown instead of a page the signed-in role may not open. */
export function Refused({ role, area }: { role: Role; area: Area }) {
  return (
    <section className="card" aria-labelledby="refused-title">
      <h1 id="refused-title">Not available for your account</h1>
      <p>
        This page is for {audience[area]}. You are signed in as {role === 'admin' ? 'an' : 'a'}{' '}
        {role}, so there is nothing here for you.
      </p>
      <p>
        <Link href={homeFor(role)}>Go to your start page</Link>
      </p>
    </section>
  );
}
