import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { detail, uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, makeReady, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

test('[CUSTOMER][PORTAL] a car alice sold to bob: she keeps her work orders on it, he sees none of them', async ({
  page,
  pageAs,
}, testInfo) => {
  const alice = await pageAs('alice');
  const bob = await pageAs('bob');
  const tag = uniqueTag();
  const { vehicle, invoiced, open } =
    await test.step('alice has a car with an invoiced and an open work order', async () => {
      const car = await newVehicle(
        page.request,
        await customerIdOf(page.request, customerNames.alice),
        tag,
        'Jazz',
      );
      const first = await newEstimate(page.request, car, `First service ${tag}`, brakeJob);
      await makeReady(page.request, first);
      await mutate(page.request, 'workOrder', 'invoice', { id: first.id });
      const second = await newEstimate(page.request, car, `Rattle at speed ${tag}`, brakeJob);
      return { vehicle: car, invoiced: first, open: second };
    });

  await test.step('both are in her portal, and the car is hers', async () => {
    await alice.goto('/portal');
    await expect(
      alice.getByRole('region', { name: /^In the shop/ }).getByRole('row', { name: open.number }),
    ).toBeVisible();
    await expect(
      alice
        .getByRole('region', { name: /^Past work orders/ })
        .getByRole('row', { name: invoiced.number }),
    ).toBeVisible();
    await expect(alice.getByText(vehicle.plate, { exact: true })).toBeVisible();
  });

  await test.step('staff moves the car to bob', async () => {
    await page.goto(`/staff/vehicles/${vehicle.id}`);
    await expect(detail(page, 'Owner')).toHaveText(customerNames.alice);
    await page.getByRole('link', { name: 'Edit or move to another owner' }).click();
    await page.getByLabel('Find another owner').fill(customerNames.bob);
    await page.getByRole('button', { name: new RegExp(`^${customerNames.bob}`) }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(detail(page, 'Owner')).toHaveText(customerNames.bob);
  });

  await test.step('alice still sees both work orders, and the car no more', async () => {
    await alice.reload();
    const row = alice
      .getByRole('region', { name: /^In the shop/ })
      .getByRole('row', { name: open.number });
    await expect(row).toContainText('waiting for your approval');
    // The car's page is bob's now: her row names the car without a link to it.
    await expect(row.getByRole('link', { name: /Honda Jazz/ })).toHaveCount(0);
    await expect(
      alice
        .getByRole('region', { name: /^Past work orders/ })
        .getByRole('row', { name: invoiced.number }),
    ).toBeVisible();
    await expect(alice.getByText(vehicle.plate, { exact: true })).toHaveCount(0);
    await row.getByRole('link', { name: open.number }).click();
    await expect(alice.getByRole('heading', { level: 1 })).toContainText(open.number);
    await expect(detail(alice, 'Your concern')).toHaveText(`Rattle at speed ${tag}`);
  });

  await test.step("bob has the car, with none of alice's work orders", async () => {
    await bob.goto('/portal');
    await expect(bob.getByText(vehicle.plate, { exact: true })).toBeVisible();
    for (const workOrder of [open, invoiced]) {
      await expect(bob.getByRole('row', { name: workOrder.number })).toHaveCount(0);
    }
    await bob.getByRole('link', { name: 'Honda Jazz' }).click();
    await expect(bob.getByRole('heading', { level: 1, name: '2018 Honda Jazz' })).toBeVisible();
    await expect(bob.getByRole('region', { name: 'Your work orders (0)' })).toBeVisible();
    await expect(bob.getByRole('region', { name: 'Recommended work (0)' })).toBeVisible();
    await expect(bob.getByText(open.number)).toHaveCount(0);
    await expect(bob.getByText(invoiced.number)).toHaveCount(0);
  });

  await test.step("alice's work order pages are no page at all for bob", async () => {
    for (const workOrder of [open, invoiced]) {
      await bob.goto(`/portal/work-orders/${workOrder.id}`);
      await expect(bob.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(bob.getByText(`Rattle at speed ${tag}`)).toHaveCount(0);
    }
  });

  await saveEndState(testInfo, { staff: page, alice, bob });
});
