import { storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { uniqueTag } from '../support/ui';
import { validVin } from '../support/vin';

test.use({ storageState: storageStateOf('staff') });

test("[STAFF][DELETES] deletes a vehicle, then its owner: the lists and the owner's page follow at once", async ({
  page,
}, testInfo) => {
  const tag = uniqueTag();
  const name = `E2E Leaving ${tag}`;
  const plate = `DEL ${tag}`;
  const customer = await mutate(page.request, 'customer', 'create', {
    name,
    email: `e2e.leaving.${tag.toLowerCase()}@example.test`,
    phone: '+1 555-010-4040',
  });
  await mutate(page.request, 'vehicle', 'create', {
    ownerId: customer.id,
    vin: validVin(Number.parseInt(tag, 36) + 7),
    plate,
    make: 'Honda',
    model: 'Civic',
    year: 2015,
    mileage: 88_000,
  });
  await test.step("the vehicle is deleted from its page; the list and its owner's page no longer show it", async () => {
    await page.goto(`/staff/customers/${customer.id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Vehicles (1)' })).toBeVisible();
    await page.getByRole('link', { name: plate, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '2015 Honda Civic' })).toBeVisible();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete vehicle' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
    await page.getByLabel('Search vehicles').fill(plate);
    await expect(page.getByText(`No vehicle matches “${plate}”.`)).toBeVisible();
    await page.goto(`/staff/customers/${customer.id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Vehicles (0)' })).toBeVisible();
  });

  await test.step('the owner, now without vehicles, is deleted; the customer list no longer shows them', async () => {
    await expect(page.getByText(`${name} has no vehicles.`)).toBeVisible();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete customer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await page.getByLabel('Search customers').fill(name);
    await expect(page.getByText(`No customer matches “${name}”.`)).toBeVisible();
  });

  await saveEndState(testInfo, { staff: page });
});
