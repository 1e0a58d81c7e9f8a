import { storageStateOf } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test.use({ storageState: storageStateOf('staff') });

test('[STAFF][VEHICLES] a VIN fills make, model and year offline; edits stay, and an unknown VIN leaves the fields to staff', async ({
  page,
}) => {
  const vin = page.getByLabel('VIN', { exact: true });
  const make = page.getByLabel('Make', { exact: true });
  const model = page.getByLabel('Model', { exact: true });
  const year = page.getByLabel('Year', { exact: true });

  await page.goto('/staff/vehicles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New vehicle' })).toBeVisible();

  await test.step('a known VIN fills the empty fields', async () => {
    await vin.fill('1HGCM82633A004352');
    // The first decode opens the vPIC data in the API (tens of megabytes), so it may take a while.
    await expect(page.getByText('Decoded from the VIN: 2003 Honda Accord.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(make).toHaveValue('Honda');
    await expect(model).toHaveValue('Accord');
    await expect(year).toHaveValue('2003');
  });

  await test.step('what staff type over a decode stays when another VIN is decoded', async () => {
    await model.fill('Accord EX');
    // The same VIN with spaces and in lower case is the same VIN: nothing is decoded again.
    await vin.fill('1hgcm8263 3a004352');
    await expect(model).toHaveValue('Accord EX');
  });

  await test.step('an unknown VIN says so quietly and changes nothing', async () => {
    await vin.fill('00000000000000000');
    await expect(page.getByText('This VIN is not in the vehicle data')).toBeVisible();
    await expect(make).toHaveValue('Honda');
    await expect(model).toHaveValue('Accord EX');
    await expect(year).toHaveValue('2003');
  });
});
