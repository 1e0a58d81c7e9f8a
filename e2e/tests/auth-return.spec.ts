import { expect, test } from '../support/fixtures';
import { signIn } from '../support/ui';

test.use({ storageState: { cookies: [], origins: [] } });

test('[AUTH] a signed-out visit to a staff page asks to sign in, then returns to that page', async ({
  page,
}) => {
  // Known web bug: the staff layout redirects with next=/staff whatever page was asked for,
  // and /staff has no page, so signing in lands on "Page not found". Remove this line once
  // apps/web sends the real path; the test then has to pass.
  test.fail(true, 'apps/web/src/app/staff/layout.tsx passes a fixed returnTo of /staff');
  await page.goto('/staff/vehicles');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, 'staff');
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  expect(new URL(page.url()).pathname).toBe('/staff/vehicles');
  await expect(page.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
});
