import { redirect } from 'next/navigation';
import { homeFor } from '~/lib/roles';
import { getSessionUser } from '~/lib/session';

/** Sends a signed-in user to the start page of their role; until sign-in ships, says so. */
export default async function HomePage() {
  const user = await getSessionUser();
  if (user) redirect(homeFor(user.role));
  return (
    <main>
      <h1>Garage</h1>
      <p>Customers, vehicles and the cache behind them. Sign-in arrives with the API's auth.</p>
    </main>
  );
}
