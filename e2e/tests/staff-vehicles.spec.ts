import { expect, saveEndState, test } from '../support/fixtures';
import { detail, signIn, uniqueTag } from '../support/ui';
import { validVin, withWrongCheckDigit } from '../support/vin';

// This flow signs in through the form itself, so it starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test('[STAFF][VEHICLES] signs in, adds a customer and a vehicle past a VIN error, edits the mileage without a reload', async ({
  page,
}, testInfo) => {
  const tag = uniqueTag();
  const customer = `E2E Driver ${tag}`;
  const plate = `E2E ${tag}`;
  const vin = validVin(Number.parseInt(tag, 36));

  await test.step('signs in as staff', async () => {
    await page.goto('/sign-in');
    await signIn(page, 'staff');
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  });

  await test.step('creates a customer', async () => {
    await page.getByRole('link', { name: 'New customer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(customer);
    await page.getByLabel('Email', { exact: true }).fill(`e2e.${tag.toLowerCase()}@example.test`);
    await page.getByLabel('Phone', { exact: true }).fill('+1 555-010-2030');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: customer })).toBeVisible();
    await expect(page.getByText(`${customer} has no vehicles.`)).toBeVisible();
  });

  const vinField = page.getByLabel('VIN', { exact: true });
  await test.step('a VIN with a wrong check digit is refused next to the field', async () => {
    await page.getByRole('link', { name: `Add a vehicle for ${customer}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New vehicle' })).toBeVisible();
    await expect(page.getByText(`Owner: ${customer}`)).toBeVisible();
    await vinField.fill(withWrongCheckDigit(vin));
    await page.getByLabel('Plate', { exact: true }).fill(plate);
    await page.getByLabel('Make', { exact: true }).fill('Toyota');
    await page.getByLabel('Model', { exact: true }).fill('Corolla');
    await page.getByLabel('Year', { exact: true }).fill('2019');
    await page.getByLabel('Mileage', { exact: true }).fill('41250');
    await page.getByRole('button', { name: 'Create vehicle' }).click();
    await expect(vinField).toHaveAttribute('aria-invalid', 'true');
    await expect(vinField).toHaveAccessibleDescription(
      new RegExp(`VIN check digit \\(9th character\\) should be ${vin[8]}`),
    );
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'Please fix the highlighted fields.',
    );
    await expect(page).toHaveURL(/\/staff\/vehicles\/new/);
  });

  await test.step('the corrected VIN saves', async () => {
    await vinField.fill(vin);
    await page.getByRole('button', { name: 'Create vehicle' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: '2019 Toyota Corolla' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/staff\/vehicles\/\d+$/);
    await expect(detail(page, 'VIN')).toHaveText(vin);
    await expect(detail(page, 'Owner')).toHaveText(customer);
    await expect(detail(page, 'Mileage')).toHaveText('41,250 mi');
  });

  await test.step('a new mileage shows at once on the vehicle page and the list, no reload', async () => {
    // A reload would drop this mark: it proves every screen below came without one.
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    await page.getByRole('link', { name: 'Edit or move to another owner' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit vehicle' })).toBeVisible();
    await page.getByLabel('Mileage', { exact: true }).fill('43100');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: '2019 Toyota Corolla' }),
    ).toBeVisible();
    await expect(detail(page, 'Mileage')).toHaveText('43,100 mi');

    await page.getByRole('link', { name: '← All vehicles' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
    await page.getByLabel('Search vehicles').fill(plate);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: plate }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('43,100 mi');

    await row.getByRole('link', { name: plate }).click();
    await expect(detail(page, 'Mileage')).toHaveText('43,100 mi');
    expect(await page.evaluate(() => 'e2eNoReload' in window)).toBe(true);
  });

  await saveEndState(testInfo, { staff: page });
});
