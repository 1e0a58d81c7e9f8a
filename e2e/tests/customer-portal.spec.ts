import { customerNames } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { listedVehicles, openCustomer, signIn } from '../support/ui';

// Alice signs in through the form in this flow; staff (its own context) says what is true.
test.use({ storageState: { cookies: [], origins: [] } });

test('[CUSTOMER][PORTAL] alice sees exactly her vehicles; staff pages and other vehicles are refused', async ({
  page,
  pageAs,
}, testInfo) => {
  const staff = await pageAs('staff');
  await openCustomer(staff, customerNames.alice);
  const hers = await listedVehicles(staff);
  await openCustomer(staff, customerNames.bob);
  const bobsPage = new URL(staff.url()).pathname;
  const bobs = await listedVehicles(staff);
  const [other] = bobs;
  if (!other) throw new Error(`${customerNames.bob} owns no vehicle to try`);

  await test.step('alice signs in and lands on her portal', async () => {
    await page.goto('/sign-in');
    await signIn(page, 'alice');
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole('heading', { level: 1, name: 'My vehicles' })).toBeVisible();
  });

  await test.step('the portal lists her vehicles and nobody else’s', async () => {
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(hers.length);
    for (const { plate } of hers) {
      await expect(page.getByText(plate, { exact: true })).toBeVisible();
    }
    for (const { plate } of bobs) {
      await expect(page.getByText(plate, { exact: true })).toHaveCount(0);
    }
  });

  await test.step('typed staff and admin addresses get a refusal page, not data', async () => {
    for (const address of [
      '/staff/vehicles',
      '/staff/customers',
      bobsPage,
      other.href,
      '/admin/cache',
    ]) {
      await page.goto(address);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Not available for your account' }),
      ).toBeVisible();
      await expect(page.getByText(other.plate)).toHaveCount(0);
      await expect(page.getByText(customerNames.bob)).toHaveCount(0);
    }
  });

  await test.step('the API behind the page refuses her too', async () => {
    const id = Number(other.href.split('/').pop());
    const input = encodeURIComponent(JSON.stringify({ json: { id } }));
    const response = await page.request.get(`/api/trpc/vehicle.byId?input=${input}`);
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain(other.plate);
  });

  await saveEndState(testInfo, { alice: page });
});
