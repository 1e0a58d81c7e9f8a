import { customerNames, storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { saveReadmeScreenshot } from '../support/readme-screenshots';
import { detail, uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('alice') });

test('[CUSTOMER][PORTAL] alice approves one line and declines another, sees the new total, and staff sees who decided', async ({
  page,
  pageAs,
}, testInfo) => {
  // Money and times are printed on the shop's clock from settings.shop on the server and again
  // in the browser: a mismatch would be a hydration error on the console.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const staff = await pageAs('staff');
  const tag = uniqueTag();
  const concern = `Grinding when braking ${tag}`;
  const estimate = await test.step('staff prices an estimate for a car of alice', async () => {
    const vehicle = await newVehicle(
      staff.request,
      await customerIdOf(staff.request, customerNames.alice),
      tag,
    );
    return newEstimate(staff.request, vehicle, concern, brakeJob);
  });

  await test.step('her portal lists it in the shop, waiting for her approval', async () => {
    await page.goto('/portal');
    const inShop = page.getByRole('region', { name: /^In the shop/ });
    const row = inShop.getByRole('row', { name: estimate.number });
    await expect(row).toContainText('waiting for your approval');
    await expect(row).toContainText('2018 Honda Civic');
    await expect(row).toContainText('$227.28');
    await row.getByRole('link', { name: estimate.number }).click();
  });

  const lines = page.getByRole('region', { name: 'Estimate' });
  await test.step('the estimate line by line, every line awaiting her decision', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toContainText(estimate.number);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'waiting for your approval',
    );
    await expect(detail(page, 'Your concern')).toHaveText(concern);
    await expect(lines.getByRole('row', { name: 'Replace front brake pads' })).toContainText(
      '$194.85',
    );
    await expect(lines.getByRole('row', { name: 'Brake pad set' })).toContainText('$32.43');
    await expect(detail(lines, 'Total')).toHaveText('$227.28');
  });

  await test.step('she approves the labour: still an estimate, the total unchanged', async () => {
    await lines
      .getByRole('row', { name: 'Replace front brake pads' })
      .getByRole('button', { name: 'Approve Replace front brake pads' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Approved: Replace' })).toHaveText(
      'Approved: Replace front brake pads. New total: $227.28.',
    );
    await expect(lines.getByRole('row', { name: 'Replace front brake pads' })).toContainText(
      'Approved in the portal',
    );
  });

  await test.step('she declines the parts: the estimate is approved at the new total', async () => {
    await lines
      .getByRole('row', { name: 'Brake pad set' })
      .getByRole('button', { name: 'Decline Brake pad set' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Declined:' })).toHaveText(
      'Declined: Brake pad set. Your estimate is approved. New total: $194.85.',
    );
    await expect(detail(lines, 'Subtotal')).toHaveText('$180.00');
    await expect(detail(lines, 'Tax')).toHaveText('$14.85');
    await expect(detail(lines, 'Total')).toHaveText('$194.85');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'approved, work starts soon',
    );
    await saveReadmeScreenshot(page, testInfo, 'portal-work-order');
  });

  await test.step('her portal list and the staff page show the same, with who decided', async () => {
    await page.getByRole('link', { name: '← My vehicles and work orders' }).click();
    const row = page
      .getByRole('region', { name: /^In the shop/ })
      .getByRole('row', { name: estimate.number });
    await expect(row).toContainText('approved, work starts soon');
    await expect(row).toContainText('$194.85');
    await saveReadmeScreenshot(page, testInfo, 'portal');

    await staff.goto(`/staff/work-orders/${estimate.id}`);
    const staffLines = staff.getByRole('region', { name: 'Lines' });
    await expect(staffLines.getByRole('row', { name: 'Replace front brake pads' })).toContainText(
      `Approved in the portal, ${customerNames.alice}`,
    );
    await expect(staffLines.getByRole('row', { name: 'Brake pad set' })).toContainText(
      `Declined in the portal, ${customerNames.alice}`,
    );
    await expect(detail(staff, 'Total')).toHaveText('$194.85');
  });

  await test.step('her car keeps the declined parts as recommended work, with the day', async () => {
    await page.goto('/portal');
    await page
      .getByRole('region', { name: /^In the shop/ })
      .getByRole('row', { name: estimate.number })
      .getByRole('link', { name: '2018 Honda Civic' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '2018 Honda Civic' })).toBeVisible();
    const recommended = page.getByRole('region', { name: 'Recommended work (1)' });
    const line = recommended.getByRole('row', { name: 'Brake pad set' });
    await expect(line).toContainText('$32.43');
    await expect(line).toContainText(estimate.number);
    await expect(line.locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole('region', { name: 'Your work orders (1)' })).toContainText(
      'approved, work starts soon',
    );
    await expect(page.getByRole('region', { name: /^Odometer readings/ })).toContainText(
      '30,000 mi',
    );
    await expect(page.getByRole('region', { name: 'Next service' })).toContainText(
      'No next service is set yet',
    );
  });

  expect(consoleErrors).toEqual([]);
  await saveEndState(testInfo, { alice: page, staff });
});
