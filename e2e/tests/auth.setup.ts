import { test as base, expect } from '@playwright/test';
import type { AccountOption } from '../playwright.config';
import { landingHeading, storageStateOf } from '../support/accounts';
import { signIn } from '../support/ui';

const setup = base.extend<AccountOption>({ account: ['staff', { option: true }] });

setup('[AUTH] signs in through the form and saves the storage state', async ({ page, account }) => {
  await page.goto('/sign-in');
  await signIn(page, account);
  await expect(
    page.getByRole('heading', { level: 1, name: landingHeading[account] }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.context().storageState({ path: storageStateOf(account) });
});
