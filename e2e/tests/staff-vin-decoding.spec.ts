import { storageStateOf } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test.use({ storageState: storageStateOf('staff') });

// North American VINs with valid check digits: a 2003 Honda Accord and a 2017 Volkswagen Jetta;
// and a European Volkswagen VIN (no check digit, not in the North American vPIC data).
const hondaVin = '1HGCM82633A004352';
const jettaVin = '3VW2B7AJ8HM123456';
const europeanVin = 'WVWZZZ1JZXW000000';

test('[STAFF][VEHICLES] a VIN fills make, model and year offline; a new VIN replaces them, never what staff typed', async ({
  page,
}) => {
  const vin = page.getByLabel('VIN', { exact: true });
  const make = page.getByLabel('Make', { exact: true });
  const model = page.getByLabel('Model', { exact: true });
  const year = page.getByLabel('Year', { exact: true });
  const foreign = page.getByLabel('VIN from outside North America');

  await page.goto('/staff/vehicles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New vehicle' })).toBeVisible();

  await test.step('a known VIN fills the empty fields', async () => {
    await vin.fill(hondaVin);
    // The first decode opens the vPIC data in the API (tens of megabytes), so it may take a while.
    await expect(page.getByText('Decoded from the VIN: 2003 Honda Accord.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(make).toHaveValue('Honda');
    await expect(model).toHaveValue('Accord');
    await expect(year).toHaveValue('2003');
  });

  await test.step('another VIN replaces what the first one filled', async () => {
    await vin.fill(jettaVin);
    await expect(page.getByText('Decoded from the VIN: 2017 Volkswagen Jetta.')).toBeVisible();
    await expect(make).toHaveValue('Volkswagen');
    await expect(model).toHaveValue('Jetta');
    await expect(year).toHaveValue('2017');
  });

  await test.step('what staff type over a decode stays when another VIN is decoded', async () => {
    await model.fill('Jetta GLI');
    await vin.fill(hondaVin);
    await expect(page.getByText('Decoded from the VIN: 2003 Honda Accord.')).toBeVisible();
    await expect(make).toHaveValue('Honda');
    await expect(model).toHaveValue('Jetta GLI');
    await expect(year).toHaveValue('2003');
    // The same VIN with spaces and in lower case is the same VIN: nothing is decoded again.
    await vin.fill('1hgcm8263 3a004352');
    await expect(model).toHaveValue('Jetta GLI');
  });

  await test.step('a VIN the data does not know takes back what the last one filled', async () => {
    await foreign.check();
    await vin.fill(europeanVin);
    await expect(page.getByText('This VIN is not in the vehicle data')).toBeVisible();
    await expect(make).toHaveValue('');
    await expect(model).toHaveValue('Jetta GLI');
    await expect(year).toHaveValue('');
  });
});

test('[STAFF][VEHICLES] a VIN whose check digit fails is not decoded, unless it is from outside North America', async ({
  page,
}) => {
  const vin = page.getByLabel('VIN', { exact: true });
  const make = page.getByLabel('Make', { exact: true });
  // The Accord's VIN with one key wrong: its 9th character, the check digit, should be 3.
  const typo = '1HGCM82643A004352';

  await page.goto('/staff/vehicles/new');
  await test.step('after a decoded VIN, a typo in it shows why, and no vehicle', async () => {
    await vin.fill(hondaVin);
    await expect(page.getByText('Decoded from the VIN: 2003 Honda Accord.')).toBeVisible({
      timeout: 30_000,
    });
    await vin.fill(typo);
    await expect(
      page.getByText('Not decoded: the check digit (9th character) should be 3.'),
    ).toBeVisible();
    await expect(page.getByText('Decoded from the VIN')).toHaveCount(0);
    await expect(make).toHaveValue('');
  });

  await test.step('a VIN from outside North America has no check digit to fail', async () => {
    await page.getByLabel('VIN from outside North America').check();
    await expect(page.getByText('Decoded from the VIN: 2003 Honda Accord.')).toBeVisible();
    await expect(make).toHaveValue('Honda');
  });
});
