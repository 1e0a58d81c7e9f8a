import type { Locator } from '@playwright/test';
import { storageStateOf } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test.use({ storageState: storageStateOf('staff') });

/** The text of one cell (by its index) of every row shown. */
async function columnTexts(rows: Locator, index: number): Promise<string[]> {
  const texts = await rows.locator(`td:nth-child(${index + 1})`).allTextContents();
  return texts.map((text) => text.trim());
}

/** The status of every row shown (the status cell may also say "Awaiting approval"). */
async function statusesShown(rows: Locator): Promise<string[]> {
  return (await columnTexts(rows, 1)).map((text) => text.replace('Awaiting approval', '').trim());
}

test('[STAFF][WORK ORDERS] filters the list by status and technician and searches it; customers are refused', async ({
  page,
  pageAs,
}) => {
  await page.goto('/staff/work-orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Work orders' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('rowgroup').last().getByRole('row');
  await expect(rows).not.toHaveCount(0);

  await test.step('status: only the ticked statuses are listed', async () => {
    const status = page.getByRole('group', { name: 'Status' });
    await status.getByLabel('Paid', { exact: true }).check();
    await status.getByLabel('Cancelled', { exact: true }).check();
    // The previous rows stay on screen while the filtered ones load: wait for the new set.
    await expect
      .poll(async () => {
        const shown = await statusesShown(rows);
        return shown.length > 0 && shown.every((s) => s === 'Paid' || s === 'Cancelled');
      })
      .toBe(true);
    await status.getByLabel('Paid', { exact: true }).uncheck();
    await status.getByLabel('Cancelled', { exact: true }).uncheck();
  });

  await test.step('technician: only their work orders are listed', async () => {
    await page.getByLabel('Technician', { exact: true }).selectOption({ label: 'Rita Kowalski' });
    await expect
      .poll(async () => new Set(await columnTexts(rows, 5)))
      .toEqual(new Set(['Rita Kowalski']));
    await page.getByLabel('Technician', { exact: true }).selectOption({ label: 'Any technician' });
  });

  await test.step('search: a number finds its work order', async () => {
    await page.getByLabel('Search work orders').fill('WO-000001');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('WO-000001');
    await page.getByLabel('Search work orders').fill('no such work order anywhere');
    await expect(
      page.getByText('No work order matches “no such work order anywhere”.'),
    ).toBeVisible();
  });

  await test.step('a customer is refused the list and the board', async () => {
    const alice = await pageAs('alice');
    for (const path of ['/staff/work-orders', '/staff/board']) {
      await alice.goto(path);
      await expect(
        alice.getByRole('heading', { level: 1, name: 'Not available for your account' }),
      ).toBeVisible();
    }
  });
});
