import { storageStateOf } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test.use({ storageState: storageStateOf('admin') });

const demoShop = { currency: 'USD', timeZone: 'America/Chicago' };

test('[ADMIN][SETTINGS] changes the currency and time zone; staff screens format with them at once; a bad zone is refused beside its field', async ({
  page,
  pageAs,
}) => {
  const currency = page.getByLabel('Currency', { exact: true });
  const timeZone = page.getByLabel('Time zone', { exact: true });
  const save = page.getByRole('button', { name: 'Save settings' });

  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Shop settings' })).toBeVisible();
  await expect(page.getByLabel('Shop name', { exact: true })).toHaveValue('Springfield Auto Care');
  await expect(page.getByLabel('Default labour rate', { exact: true })).toHaveValue('120.00');
  await expect(page.getByLabel('Default tax rate', { exact: true })).toHaveValue('8.25');
  await expect(currency).toHaveValue(demoShop.currency);
  await expect(timeZone).toHaveValue(demoShop.timeZone);

  try {
    await test.step('a time zone that is not one is refused next to its field', async () => {
      await timeZone.fill('Mars/Olympus_Mons');
      await save.click();
      await expect(timeZone).toHaveAttribute('aria-invalid', 'true');
      await expect(timeZone).toHaveAccessibleDescription(/Time zone is not a time zone/);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText(
        'Please fix the highlighted fields.',
      );
    });

    await test.step('euros and Tokyo time are saved and used on the staff screens', async () => {
      await currency.fill('EUR');
      await timeZone.fill('Asia/Tokyo');
      await save.click();
      await expect(
        page.getByRole('main').getByRole('status').filter({ hasText: 'Saved.' }),
      ).toBeVisible();
      await expect(timeZone).not.toHaveAttribute('aria-invalid', 'true');

      await page.goto('/staff/work-orders');
      const firstTotal = page.getByRole('table').getByRole('row').nth(1).getByRole('cell').last();
      await expect(firstTotal).toHaveText(/^€/);
    });
  } finally {
    // Other flows read amounts in dollars: the demo shop's settings are put back whatever happened.
    await page.goto('/admin/settings');
    await currency.fill(demoShop.currency);
    await timeZone.fill(demoShop.timeZone);
    await save.click();
    await expect(
      page.getByRole('main').getByRole('status').filter({ hasText: 'Saved.' }),
    ).toBeVisible();
  }

  await test.step('staff may not open the settings page', async () => {
    const staff = await pageAs('staff');
    await staff.goto('/admin/settings');
    await expect(
      staff.getByRole('heading', { level: 1, name: 'Not available for your account' }),
    ).toBeVisible();
  });
});
