import type { Page } from '@playwright/test';
import { customerNames, storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { openCustomer } from '../support/ui';

test.use({ storageState: storageStateOf('admin') });

/** L1 + L2 hits of `route` in the panel's route table (0 while the route has no row). */
async function routeHits(admin: Page, route: string): Promise<number> {
  const row = admin
    .getByRole('region', { name: 'Routes' })
    .getByRole('row')
    .filter({ has: admin.getByRole('rowheader', { name: route, exact: true }) });
  if ((await row.count()) === 0) return 0;
  const cells = row.getByRole('cell');
  const l1 = Number(await cells.nth(1).textContent());
  const l2 = Number(await cells.nth(2).textContent());
  return l1 + l2;
}

test("[ADMIN][CACHE] watches hits rise while staff browses, clears bob's entries, audits the clear", async ({
  page,
  pageAs,
}, testInfo) => {
  const staff = await pageAs('staff');
  const bob = await pageAs('bob');

  await page.goto('/admin/cache');
  await expect(page.getByRole('heading', { level: 1, name: 'Cache' })).toBeVisible();
  await expect(page.getByText('Redis connected')).toBeVisible();

  await test.step('hits on vehicle.list rise while staff browses in another context', async () => {
    const before = await routeHits(page, 'vehicle.list');
    for (let visit = 0; visit < 3; visit++) {
      await staff.goto('/staff/vehicles');
      await expect(staff.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
    }
    // The panel polls every 5 s on its own; no reload here.
    await expect
      .poll(() => routeHits(page, 'vehicle.list'), { timeout: 15_000 })
      .toBeGreaterThan(before);
  });

  const bobId =
    await test.step("bob's portal and staff's look at bob put entries in the cache", async () => {
      await bob.goto('/portal');
      await expect(bob.getByRole('heading', { level: 1, name: 'My vehicles' })).toBeVisible();
      await openCustomer(staff, customerNames.bob);
      return new URL(staff.url()).pathname.split('/').pop() ?? '';
    });

  const entries = page.getByRole('region', { name: 'Entries' });
  const bobTag = new RegExp(`(^|, )owner:${bobId}(,|$)`);
  await test.step("the entry browser shows bob's entries", async () => {
    await entries.getByRole('textbox', { name: 'Owner', exact: true }).fill(bobId);
    await expect(entries.getByRole('cell', { name: bobTag }).first()).toBeVisible();
  });

  const removed = await test.step("clearing bob's entries asks first, with a count", async () => {
    // Open pages are live: they would refetch what the clear reaches, and so store bob's
    // entries again at once. Closed, they put nothing back.
    await Promise.all([bob.close(), staff.close()]);
    const clear = page.getByRole('region', { name: 'Clear' });
    await clear.getByLabel('Find owner').fill(customerNames.bob);
    await clear.getByRole('button', { name: new RegExp(`^${customerNames.bob}`) }).click();
    await clear.getByRole('button', { name: `Clear ${customerNames.bob}’s entries` }).click();
    const dialog = page.getByRole('dialog', {
      name: `Clear ${customerNames.bob}’s entries (owner ${bobId})?`,
    });
    await expect(dialog).toContainText(/\d+ entr(y|ies) will be removed\./);
    const counted = Number(
      ((await dialog.textContent()) ?? '').match(/(\d+) entr(?:y|ies) will be/)?.[1],
    );
    expect(counted).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect(dialog).toBeHidden();
    const status = clear.getByRole('status').filter({ hasText: /^Cleared / });
    await expect(status).toHaveText(/^Cleared \d+ entr(y|ies)\.$/);
    return Number(((await status.textContent()) ?? '').match(/\d+/)?.[0]);
  });

  await test.step('the entry browser no longer finds them; the audit list shows the clear', async () => {
    // The panel is a live page too: its owner search (a customer.list answer listing bob)
    // hears the clear and reads again, so that one entry may be back at once. Nothing of bob's
    // portal or of staff's look at him is.
    await entries.getByRole('button', { name: 'Refresh' }).click();
    const bobRows = entries
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: bobTag }) });
    await expect(bobRows.filter({ hasNotText: ':customer.list:role:admin:' })).toHaveCount(0);
    expect(await bobRows.count()).toBeLessThanOrEqual(1);
    const audit = page.getByRole('region', { name: 'Audit' });
    await expect(audit.getByRole('listitem').first()).toContainText(
      `admin@garage.test cleared tag owner:${bobId}: ${removed} entr`,
    );
  });

  await saveEndState(testInfo, { admin: page });
});
