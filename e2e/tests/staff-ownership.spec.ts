import { customerNames, storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { detail, listedVehicles, openCustomer } from '../support/ui';

test.use({ storageState: storageStateOf('staff') });

test('[STAFF][VEHICLES] moves a vehicle from alice to bob; both portals follow at once, no TTL wait', async ({
  page,
  pageAs,
}, testInfo) => {
  // Three signed-in pages and two moves: past the default minute when CI runs suites side by side.
  test.slow();
  const alice = await pageAs('alice');
  const bob = await pageAs('bob');

  const [vehicle] = await test.step("staff picks one of alice's vehicles", async () => {
    await openCustomer(page, customerNames.alice);
    return listedVehicles(page);
  });
  if (!vehicle) throw new Error(`${customerNames.alice} owns no vehicle to move`);

  await test.step('both portals are read (and cached) before the move', async () => {
    await alice.goto('/portal');
    await expect(alice.getByText(vehicle.plate, { exact: true })).toBeVisible();
    await bob.goto('/portal');
    await expect(bob.getByRole('heading', { level: 1, name: 'My vehicles' })).toBeVisible();
    await expect(bob.getByRole('main').getByRole('listitem')).not.toHaveCount(0);
    await expect(bob.getByText(vehicle.plate, { exact: true })).toHaveCount(0);
  });

  await test.step('staff moves the vehicle to bob', async () => {
    await page.getByRole('link', { name: vehicle.plate, exact: true }).click();
    await expect(detail(page, 'Owner')).toHaveText(customerNames.alice);
    await page.getByRole('link', { name: 'Edit or move to another owner' }).click();
    await page.getByLabel('Find another owner').fill(customerNames.bob);
    await page.getByRole('button', { name: new RegExp(`^${customerNames.bob}`) }).click();
    await expect(page.getByText(`Owner: ${customerNames.bob}`)).toBeVisible();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`${vehicle.href}$`));
    await expect(detail(page, 'Owner')).toHaveText(customerNames.bob);
  });

  await test.step('a reload right away: gone from alice, there for bob', async () => {
    // Portal answers are cached for a minute; these reloads come well inside it.
    await alice.reload();
    await expect(alice.getByRole('heading', { level: 1, name: 'My vehicles' })).toBeVisible();
    await expect(alice.getByText(vehicle.plate, { exact: true })).toHaveCount(0);
    await bob.reload();
    await expect(bob.getByText(vehicle.plate, { exact: true })).toBeVisible();
  });

  await saveEndState(testInfo, { staff: page, alice, bob });

  await test.step('moved back, alice has it again at once (the flow can run again)', async () => {
    await page.getByRole('link', { name: 'Edit or move to another owner' }).click();
    await page.getByLabel('Find another owner').fill(customerNames.alice);
    await page.getByRole('button', { name: new RegExp(`^${customerNames.alice}`) }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(detail(page, 'Owner')).toHaveText(customerNames.alice);
    await alice.reload();
    await expect(alice.getByText(vehicle.plate, { exact: true })).toBeVisible();
  });
});
