import { storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';

test.use({ storageState: storageStateOf('admin') });

test('[ADMIN][CACHE] Redis stops mid-flow: pages keep working, the panel says degraded, then connected again', async ({
  page,
  pageAs,
  redis,
}, testInfo) => {
  const staff = await pageAs('staff');
  const badge = (mode: 'connected' | 'degraded') =>
    page.getByText(`Redis ${mode}`, { exact: true });

  /** Staff's everyday screens answer with data. */
  const staffScreensWork = async () => {
    await staff.goto('/staff/vehicles');
    await expect(staff.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
    await expect(staff.getByRole('table').getByRole('link').first()).toBeVisible();
    await staff.getByRole('table').getByRole('link').first().click();
    await expect(staff.getByRole('link', { name: 'Edit or move to another owner' })).toBeVisible();
    await staff.goto('/staff/customers');
    await expect(staff.getByRole('table').getByRole('link').first()).toBeVisible();
  };

  await page.goto('/admin/cache');
  await expect(badge('connected')).toBeVisible();
  await staffScreensWork();

  await test.step('Redis stops: staff screens still work, the panel turns degraded', async () => {
    await redis.stop();
    await staffScreensWork();
    // The panel polls every 5 s; the badge follows within a few polls.
    await expect(badge('degraded')).toBeVisible({ timeout: 20_000 });
    await staffScreensWork();
    await saveEndState(testInfo, { 'admin-degraded': page });
  });

  await test.step('Redis starts again: the panel goes back to connected', async () => {
    await redis.start();
    await expect(badge('connected')).toBeVisible({ timeout: 30_000 });
    await staffScreensWork();
  });

  await saveEndState(testInfo, { admin: page, staff });
});
