import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, makeReady, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

// The seed's shop is in Chicago; each flow here moves it, and puts it back.
const demoTimeZone = 'America/Chicago';

/** The day `days` from now (UTC's calendar; the shop's is at most a day apart). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

for (const timeZone of ['America/Chicago', 'Pacific/Auckland']) {
  test(`[STAFF][DATES] a next-service date set in a shop in ${timeZone} is that day on the vehicle, in the portal and in Due soon`, async ({
    page,
    pageAs,
  }, testInfo) => {
    const admin = await pageAs('admin');
    const alice = await pageAs('alice');
    await mutate(admin.request, 'settings', 'update', { timeZone });
    try {
      const tag = uniqueTag();
      const due = dayFromNow(20);
      const { workOrder, vehicle } =
        await test.step('a ready work order on a car of alice’s', async () => {
          const ownerId = await customerIdOf(page.request, customerNames.alice);
          const car = await newVehicle(page.request, ownerId, tag, 'Accord');
          const estimate = await newEstimate(page.request, car, `Service ${tag}`, brakeJob);
          await makeReady(page.request, estimate);
          return { workOrder: estimate, vehicle: car };
        });

      await test.step(`staff invoices it with the next service due by ${due}`, async () => {
        await page.goto(`/staff/work-orders/${workOrder.id}`);
        const invoice = page.getByRole('region', { name: 'Invoice' });
        await invoice.getByLabel('Next service date', { exact: true }).fill(due);
        await invoice.getByRole('button', { name: 'Invoice', exact: true }).click();
        // The confirmation repeats the day, as typed.
        const confirm = page.getByRole('dialog', { name: `Invoice ${workOrder.number}?` });
        await expect(confirm).toContainText(`on ${due}`);
        await confirm.getByRole('button', { name: 'Issue the invoice' }).click();
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoiced');
      });

      await test.step('the vehicle page and alice’s portal show that very day', async () => {
        for (const [where, path] of [
          [page, `/staff/vehicles/${vehicle.id}`],
          [alice, `/portal/vehicles/${vehicle.id}`],
        ] as const) {
          await where.goto(path);
          const next = where.getByRole('region', { name: 'Next service' });
          await expect(next.getByRole('definition').filter({ hasText: due })).toHaveText(due);
          await expect(next).toContainText('Due soon');
        }
      });

      await test.step('Due soon lists it by that day', async () => {
        await page.goto('/staff/due-soon');
        const row = page.getByRole('row', { name: `Next service: ${vehicle.plate}` });
        await expect(row).toContainText(`by ${due}`);
        await expect(row).toContainText('By date');
      });
      await saveEndState(testInfo, { staff: page, alice });
    } finally {
      await mutate(admin.request, 'settings', 'update', { timeZone: demoTimeZone });
    }
  });
}
