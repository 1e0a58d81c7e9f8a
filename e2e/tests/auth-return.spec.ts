import { expect, test } from '../support/fixtures';
import { signIn } from '../support/ui';

test.use({ storageState: { cookies: [], origins: [] } });

test('[AUTH] a signed-out visit to a staff page asks to sign in, then returns to that page', async ({
  page,
}) => {
  await page.goto('/staff/vehicles');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, 'staff');
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  expect(new URL(page.url()).pathname).toBe('/staff/vehicles');
  await expect(page.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
});
