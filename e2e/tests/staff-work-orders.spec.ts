import type { Locator, Page } from '@playwright/test';
import { storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { saveReadmeScreenshot } from '../support/readme-screenshots';
import { detail, uniqueTag } from '../support/ui';
import { validVin } from '../support/vin';

test.use({ storageState: storageStateOf('staff') });

/** A column of the board, by its status ("In progress (3)"). */
function column(page: Page, status: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${status} \\(\\d+\\)$`) });
}

/** A row of the lines table, by its description. */
function lineRow(page: Page, description: string): Locator {
  return page.getByRole('region', { name: 'Lines' }).getByRole('row', { name: description });
}

test('[STAFF][WORK ORDERS] opens a work order from a vehicle, prices it, records a phone approval, moves it across the board to ready, and the vehicle history shows it', async ({
  page,
}, testInfo) => {
  // Times are printed on the shop's clock on the server and again in the browser: a mismatch
  // would be a hydration error, which React reports on the console.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const tag = uniqueTag();
  const customer = `E2E Owner ${tag}`;
  const plate = `WO ${tag}`;
  const vin = validVin(Number.parseInt(tag, 36) + 17);

  await test.step('staff adds a customer and a vehicle', async () => {
    await page.goto('/staff/customers/new');
    await page.getByLabel('Name', { exact: true }).fill(customer);
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: customer })).toBeVisible();
    await page.getByRole('link', { name: `Add a vehicle for ${customer}` }).click();
    await page.getByLabel('VIN', { exact: true }).fill(vin);
    await page.getByLabel('Plate', { exact: true }).fill(plate);
    await page.getByLabel('Make', { exact: true }).fill('Toyota');
    await page.getByLabel('Model', { exact: true }).fill('Corolla');
    await page.getByLabel('Year', { exact: true }).fill('2019');
    await page.getByLabel('Mileage', { exact: true }).fill('41250');
    await page.getByRole('button', { name: 'Create vehicle' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: '2019 Toyota Corolla' }),
    ).toBeVisible();
    await expect(page.getByText('No work orders yet.')).toBeVisible();
  });

  const number = await test.step('opens a work order from the vehicle page', async () => {
    await page.getByRole('link', { name: 'New work order' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New work order' })).toBeVisible();
    await expect(page.getByLabel('Odometer in', { exact: true })).toHaveValue('41250');
    await page.getByLabel('Concern', { exact: true }).fill('Squealing from the front brakes');
    await page.getByLabel('Technician', { exact: true }).selectOption({ label: 'Tom Torres' });
    // Shop time: the demo shop is in America/Chicago, whatever zone the browser is in.
    await page.getByLabel('Promised', { exact: true }).fill('2030-05-01T16:30');
    await page.getByRole('button', { name: 'Open work order' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^WO-\d{6}/ });
    await expect(heading).toContainText('Estimate');
    await expect(detail(page, 'Technician')).toHaveText('Tom Torres');
    await expect(detail(page, 'Promised')).toHaveText('2030-05-01 16:30');
    await expect(detail(page, 'Odometer in')).toHaveText('41,250 mi');
    const found = /WO-\d{6}/.exec((await heading.textContent()) ?? '');
    if (!found) throw new Error('the work order page shows no number');
    return found[0];
  });

  const lineForm = page.getByRole('form', { name: 'Add a line' });
  await test.step("adds labour, a part and a fee, and shows the server's totals", async () => {
    await expect(lineForm.getByLabel('Unit price', { exact: true })).toHaveValue('120.00');
    await lineForm.getByLabel('Description', { exact: true }).fill('Replace front brake pads');
    await lineForm.getByLabel('Hours', { exact: true }).fill('1.5');
    await lineForm.getByRole('button', { name: 'Add line' }).click();
    await expect(lineRow(page, 'Replace front brake pads')).toContainText('$180.00');
    await expect(lineRow(page, 'Replace front brake pads')).toContainText('$14.85');

    await lineForm.getByLabel('Kind', { exact: true }).selectOption({ label: 'Part' });
    await lineForm.getByLabel('Description', { exact: true }).fill('Brake pad set');
    await lineForm.getByLabel('Part number', { exact: true }).fill('BP-4471');
    // A typo first (40 pads), corrected through the line's Edit.
    await lineForm.getByLabel('Quantity', { exact: true }).fill('40');
    await lineForm.getByLabel('Unit price', { exact: true }).fill('7.49');
    await lineForm.getByRole('button', { name: 'Add line' }).click();
    await expect(lineRow(page, 'Brake pad set')).toContainText('$299.60');
    await lineRow(page, 'Brake pad set')
      .getByRole('button', { name: 'Edit Brake pad set' })
      .click();
    const editForm = page.getByRole('form', { name: 'Edit line: Brake pad set' });
    await expect(editForm.getByLabel('Kind', { exact: true })).toBeFocused();
    await editForm.getByLabel('Quantity', { exact: true }).fill('4');
    await editForm.getByRole('button', { name: 'Save line' }).click();
    await expect(editForm).toHaveCount(0);
    await expect(lineRow(page, 'Brake pad set')).toContainText('$29.96');
    await expect(lineRow(page, 'Brake pad set')).toContainText('$2.47');
    await expect(lineRow(page, 'Brake pad set')).toContainText('BP-4471');

    await lineForm.getByLabel('Kind', { exact: true }).selectOption({ label: 'Fee' });
    await lineForm.getByLabel('Description', { exact: true }).fill('Shop supplies');
    await lineForm.getByLabel('Quantity', { exact: true }).fill('1');
    await lineForm.getByLabel('Unit price', { exact: true }).fill('3.50');
    await lineForm.getByLabel('Tax rate', { exact: true }).fill('0');
    await lineForm.getByRole('button', { name: 'Add line' }).click();
    await expect(lineRow(page, 'Shop supplies')).toContainText('$3.50');

    // A line added by mistake is removed, after a confirmation.
    await lineForm.getByLabel('Kind', { exact: true }).selectOption({ label: 'Part' });
    await lineForm.getByLabel('Description', { exact: true }).fill('Wiper blades');
    await lineForm.getByLabel('Unit price', { exact: true }).fill('12.00');
    await lineForm.getByRole('button', { name: 'Add line' }).click();
    await expect(lineRow(page, 'Wiper blades')).toBeVisible();
    await lineRow(page, 'Wiper blades')
      .getByRole('button', { name: 'Remove Wiper blades' })
      .click();
    await page
      .getByRole('dialog', { name: 'Remove “Wiper blades”?' })
      .getByRole('button', { name: 'Remove line' })
      .click();
    await expect(lineRow(page, 'Wiper blades')).toHaveCount(0);

    // DESIGN.md's example, computed by the server line by line.
    await expect(detail(page, 'Subtotal')).toHaveText('$213.46');
    await expect(detail(page, 'Tax')).toHaveText('$17.32');
    await expect(detail(page, 'Total')).toHaveText('$230.78');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Awaiting approval');
  });

  await test.step('records the approval the customer gave by phone; the declined fee drops out', async () => {
    const decision = page.getByRole('form', { name: "Customer's decision" });
    await decision
      .getByRole('group', { name: /^Replace front brake pads/ })
      .getByLabel('Approve')
      .check();
    await decision
      .getByRole('group', { name: /^Brake pad set/ })
      .getByLabel('Approve')
      .check();
    await decision
      .getByRole('group', { name: /^Shop supplies/ })
      .getByLabel('Decline')
      .check();
    await expect(decision.getByLabel('How', { exact: true })).toHaveValue('phone');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByText('Recorded. The work order is now approved.')).toBeVisible();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('Approved');
    await expect(heading).not.toContainText('Awaiting approval');
    await expect(lineRow(page, 'Replace front brake pads')).toContainText('Approved by phone');
    await expect(lineRow(page, 'Shop supplies')).toContainText('Declined by phone');
    await expect(detail(page, 'Subtotal')).toHaveText('$209.96');
    await expect(detail(page, 'Total')).toHaveText('$227.28');
  });

  await test.step('moves it across the board to ready, by its buttons and by dragging', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Board' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    const card = (status: string) =>
      column(page, status).getByRole('listitem').filter({ hasText: number });
    await expect(card('Approved')).toContainText('$227.28');
    await expect(card('Approved')).toContainText('Tom Torres');
    // Only the legal moves are offered: an approved work order can start, nothing else.
    await expect(card('Approved').getByRole('button')).toHaveText(['Start work']);

    await card('Approved')
      .getByRole('button', { name: `Start work: move ${number} to In progress` })
      .click();
    await expect(card('In progress')).toBeVisible();
    await expect(card('Approved')).toHaveCount(0);
    // A keyboard user carries on from the card where it landed, and hears where that is.
    await expect(card('In progress').getByRole('link', { name: number })).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: `${number} moved to In progress.` }),
    ).toBeVisible();

    await card('In progress').dragTo(column(page, 'Waiting for parts'));
    await expect(card('Waiting for parts')).toBeVisible();

    await card('Waiting for parts')
      .getByRole('button', { name: `Mark ready: move ${number} to Ready` })
      .click();
    await expect(card('Ready')).toBeVisible();
    await expect(card('Waiting for parts')).toHaveCount(0);
    await saveReadmeScreenshot(page, testInfo, 'board');

    await card('Ready').getByRole('link', { name: number }).click();
    const history = page.getByRole('region', { name: 'Status history' });
    await expect(history).toContainText('Approved → In progress by Sam Staff');
    await expect(history).toContainText('Waiting for parts → Ready by Sam Staff');
    await saveReadmeScreenshot(page, testInfo, 'work-order');
  });

  await test.step("the vehicle's history shows the work order, its reading and the declined fee", async () => {
    await page.getByRole('link', { name: '2019 Toyota Corolla' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: '2019 Toyota Corolla' }),
    ).toBeVisible();
    const workOrders = page.getByRole('region', { name: 'Work orders (1)' });
    const row = workOrders.getByRole('row').filter({ hasText: number });
    await expect(row).toContainText('Ready');
    await expect(row).toContainText('$227.28');
    const recommendations = page.getByRole('region', { name: 'Recommendations (1)' });
    await expect(recommendations).toContainText('Shop supplies');
    await expect(recommendations.getByRole('link', { name: number })).toBeVisible();
    const odometer = page.getByRole('region', { name: /^Odometer log/ });
    await expect(odometer.getByRole('row').filter({ hasText: number })).toContainText('41,250 mi');
  });

  expect(consoleErrors).toEqual([]);
  await saveEndState(testInfo, { staff: page });
});
