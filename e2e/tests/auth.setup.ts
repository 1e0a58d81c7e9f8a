import { expect, test as setup } from '@playwright/test';
import { type Account, accounts, demoPassword, storageStateOf } from '../support/accounts';

for (const account of Object.keys(accounts) as Account[]) {
  setup(`[AUTH] signs in as ${account}`, async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(accounts[account]);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(account) });
  });
}
