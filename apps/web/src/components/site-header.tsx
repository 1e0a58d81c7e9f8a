import Link from 'next/link';
import { navFor } from '~/lib/roles';
import { getSessionUser } from '~/lib/session';
import { LiveStatus } from './live-status';
import { SignOutButton } from './sign-out-button';

/** Top bar: the links of the signed-in user's role, and sign in / sign out. */
export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Garage
      </Link>
      {user ? (
        <nav aria-label="Main">
          <ul>
            {navFor(user.role).map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="session">
        {user ? (
          <>
            <LiveStatus />
            <span className="muted">
              {user.email} ({user.role})
            </span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/sign-in">Sign in</Link>
        )}
      </div>
    </header>
  );
}
