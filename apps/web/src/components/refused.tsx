import Link from 'next/link';
import { homeFor, type Role } from '~/lib/roles';

/** Shown instead of a page the signed-in role may not open. */
export function Refused({ role }: { role: Role }) {
  return (
    <section className="card" aria-labelledby="refused-title">
      <h1 id="refused-title">Not available for your account</h1>
      <p>
        This page is for garage staff. You are signed in as a {role}, so there is nothing here for
        you.
      </p>
      <p>
        <Link href={homeFor(role)}>Go to your start page</Link>
      </p>
    </section>
  );
}
