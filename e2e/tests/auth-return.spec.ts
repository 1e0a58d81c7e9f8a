import type { Page } from '@playwright/test';
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

test.describe('[AUTH] the return path after sign-in stays on this site', () => {
  // `/%09/evil.example` decodes to "/<tab>/evil.example", which a browser reads as //evil.example.
  const nasty = '/sign-in?next=/%09/evil.example';

  /** Should a redirect escape, it lands on a page saying so instead of a name that does not resolve. */
  const divertEvil = (page: Page) =>
    page.route(
      (url) => url.hostname === 'evil.example',
      (route) => route.fulfill({ body: 'evil' }),
    );

  test('signing in with a tab-smuggled next lands on the start page', async ({ page, baseURL }) => {
    await divertEvil(page);
    await page.goto(nasty);
    await signIn(page, 'staff');
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
    expect(new URL(page.url()).pathname).toBe('/staff/customers');
  });

  test('a signed-in visit with a tab-smuggled next is sent to the start page', async ({
    pageAs,
    baseURL,
  }) => {
    const staff = await pageAs('staff');
    await divertEvil(staff);
    await staff.goto(nasty);
    expect(new URL(staff.url()).origin).toBe(new URL(baseURL ?? '').origin);
    expect(new URL(staff.url()).pathname).toBe('/staff/customers');
  });
});
