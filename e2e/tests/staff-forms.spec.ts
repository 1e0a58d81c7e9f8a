import type { Locator, Page } from '@playwright/test';
import { storageStateOf } from '../support/accounts';
import { mutate, query } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { uniqueTag } from '../support/ui';
import { makeReady, newEstimate, newVehicle } from '../support/work-orders';

function lineRow(page: Page, description: string): Locator {
  return page.getByRole('region', { name: 'Lines' }).getByRole('row', { name: description });
}

/** Counts the calls the page makes to a tRPC procedure through the web app's proxy. */
function countCalls(page: Page, procedure: string): { count: number } {
  const calls = { count: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes(`/api/trpc/${procedure}`)) calls.count += 1;
  });
  return calls;
}

test.describe('forms', () => {
  test.use({ storageState: storageStateOf('staff') });

  test('[STAFF][FORMS] an empty vehicle form shows every problem in one submit, before asking the server; a line form says what was typed', async ({
    page,
  }, testInfo) => {
    const creates = countCalls(page, 'vehicle.create');
    await page.goto('/staff/vehicles/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New vehicle' })).toBeVisible();
    await page.getByRole('button', { name: 'Create vehicle' }).click();

    const main = page.getByRole('main');
    await expect(main.getByRole('alert').first()).toHaveText('Please fix the highlighted fields.');
    await expect(main).toContainText('Choose an owner: search for a customer, then pick one.');
    for (const [label, message] of [
      ['VIN', 'VIN is required'],
      ['Plate', 'Plate is required'],
      ['Make', 'Make is required'],
      ['Model', 'Model is required'],
      ['Year', 'Year is required'],
      ['Mileage', 'Mileage is required'],
    ] as const) {
      const field = page.getByLabel(label, { exact: true });
      await expect(field, label).toHaveAttribute('aria-invalid', 'true');
      await expect(field, label).toHaveAccessibleDescription(new RegExp(message));
    }
    // A year typed as words is named as such, not as missing.
    await page.getByLabel('Year', { exact: true }).fill('two thousand');
    await page.getByRole('button', { name: 'Create vehicle' }).click();
    await expect(page.getByLabel('Year', { exact: true })).toHaveAccessibleDescription(
      /Year must be a number \(e\.g\. 52,300\)/,
    );
    expect(creates.count).toBe(0);

    await test.step('a price of abc and a quantity of -2 are named for what they are', async () => {
      const tag = uniqueTag();
      const owner = await mutate(page.request, 'customer', 'create', { name: `E2E Forms ${tag}` });
      const vehicle = await newVehicle(page.request, owner.id, tag, 'Golf');
      const estimate = await newEstimate(page.request, vehicle, `Forms ${tag}`, []);
      const addLines = countCalls(page, 'workOrder.addLine');
      await page.goto(`/staff/work-orders/${estimate.id}`);
      const lineForm = page.getByRole('form', { name: 'Add a line' });
      await lineForm.getByLabel('Kind', { exact: true }).selectOption({ label: 'Part' });
      await lineForm.getByLabel('Quantity', { exact: true }).fill('-2');
      await lineForm.getByLabel('Unit price', { exact: true }).fill('abc');
      await lineForm.getByRole('button', { name: 'Add line' }).click();
      await expect(lineForm.getByLabel('Description', { exact: true })).toHaveAccessibleDescription(
        /Description is required/,
      );
      await expect(lineForm.getByLabel('Quantity', { exact: true })).toHaveAccessibleDescription(
        /Quantity must be more than 0/,
      );
      await expect(lineForm.getByLabel('Unit price', { exact: true })).toHaveAccessibleDescription(
        /Unit price must be an amount \(e\.g\. 12\.50\)/,
      );
      expect(addLines.count).toBe(0);
    });

    await saveEndState(testInfo, { staff: page });
  });
});

test.describe('money in the shop locale', () => {
  test.use({ storageState: storageStateOf('admin') });

  const demoShop = { currency: 'USD', locale: 'en-US' };

  test('[ADMIN][MONEY] in a EUR / de-DE shop, 12,50 is 12.50 in a line and 0,50 is 0.50 in a payment, shown as read before saving', async ({
    page,
  }, testInfo) => {
    // The server's render and the browser's must print the same amounts: no hydration mismatch.
    const hydration: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /hydrat/i.test(message.text())) {
        hydration.push(message.text());
      }
    });
    const tag = uniqueTag();
    try {
      await test.step('the admin chooses euros written the German way', async () => {
        await page.goto('/admin/settings');
        await page.getByLabel('Currency', { exact: true }).fill('EUR');
        await page.getByLabel('Locale', { exact: true }).selectOption('de-DE');
        // The labour rate typed so far is rewritten in the new locale's marks.
        await expect(page.getByLabel('Default labour rate', { exact: true })).toHaveValue('120,00');
        await expect(
          page.getByLabel('Default labour rate', { exact: true }),
        ).toHaveAccessibleDescription(/= 120,00\s€/);
        await page.getByRole('button', { name: 'Save settings' }).click();
        await expect(
          page.getByRole('main').getByRole('status').filter({ hasText: 'Saved.' }),
        ).toBeVisible();
      });

      const owner = await mutate(page.request, 'customer', 'create', { name: `E2E Euro ${tag}` });
      const vehicle = await newVehicle(page.request, owner.id, tag, 'Passat');
      const estimate = await newEstimate(page.request, vehicle, `Euro ${tag}`, []);

      await test.step('a part at 12,50 is a part at 12.50', async () => {
        await page.goto(`/staff/work-orders/${estimate.id}`);
        const lineForm = page.getByRole('form', { name: 'Add a line' });
        await lineForm.getByLabel('Kind', { exact: true }).selectOption({ label: 'Part' });
        await lineForm.getByLabel('Description', { exact: true }).fill('Oil filter');
        await lineForm.getByLabel('Quantity', { exact: true }).fill('2');
        const price = lineForm.getByLabel('Unit price', { exact: true });
        await price.fill('12,50');
        await expect(price).toHaveAccessibleDescription(/= 12,50\s€/);
        await lineForm.getByLabel('Tax rate', { exact: true }).fill('0');
        await lineForm.getByRole('button', { name: 'Add line' }).click();
        await expect(lineRow(page, 'Oil filter')).toContainText('12,50\u00a0€');
        await expect(lineRow(page, 'Oil filter')).toContainText('25,00\u00a0€');
        const saved = await query(page.request, 'workOrder', 'byId', { id: estimate.id });
        expect(saved.lines.map((line) => line.unitPriceCents)).toEqual([1250]);
      });

      await test.step('a payment of 0,50 is a payment of 0.50', async () => {
        const estimated = await query(page.request, 'workOrder', 'byId', { id: estimate.id });
        await makeReady(page.request, estimated);
        await mutate(page.request, 'workOrder', 'invoice', { id: estimate.id });
        await page.goto(`/staff/work-orders/${estimate.id}`);
        const payments = page.getByRole('region', { name: 'Payments' });
        const form = payments.getByRole('form', { name: 'Add a payment' });
        const amount = form.getByLabel('Amount', { exact: true });
        await expect(amount).toHaveValue('25,00');
        await amount.fill('0,50');
        await expect(amount).toHaveAccessibleDescription(/= 0,50\s€/);
        // "0.50" is no German amount: refused, never read as 50.
        await amount.fill('0.50');
        await form.getByRole('button', { name: 'Record payment' }).click();
        await expect(amount).toHaveAccessibleDescription(
          /Amount must use "," for decimals; "." groups thousands/,
        );
        await amount.fill('0,50');
        await form.getByRole('button', { name: 'Record payment' }).click();
        await expect(payments.getByRole('status')).toHaveText('Payment recorded.');
        await expect(payments.getByRole('row').filter({ hasText: 'Card' })).toContainText(
          '0,50\u00a0€',
        );
        const paid = await query(page.request, 'workOrder', 'byId', { id: estimate.id });
        expect(paid.payments.map((payment) => payment.amountCents)).toEqual([50]);
        expect(paid.balanceCents).toBe(2450);
      });
      await saveEndState(testInfo, { admin: page });
    } finally {
      // Other flows read amounts in dollars: the demo shop's settings are put back.
      await mutate(page.request, 'settings', 'update', demoShop);
    }
    expect(hydration).toEqual([]);
  });
});
